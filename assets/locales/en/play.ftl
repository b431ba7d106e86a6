# play

## The hot-seat curtain and the pause menu.
play-pass-keyboard = Pass the keyboard to the { $faction }.
play-ready = I am ready
play-paused = Paused
play-resume = Resume
play-quit = Quit to the title screen

## The top bar: the date, the turn, each side's means.
play-clock = { $day } { $month } 1917, { $time }
play-gregorian = (Gregorian { $day } { $month })
play-turn-of = Turn { $turn } of { $total }
play-side-means = { $faction }: { $command } command · { $funds } k roubles
play-orders-of = Orders of the { $faction }
play-end-turn = End turn (Enter)

## An order offered at a place: with its chance, or greyed.
play-offer-chance = { $label } — { $cost } cmd, { $chance }%
play-offer-cost = { $label } — { $cost } cmd

## The selected place.
play-click-a-place = Click a place on the map to see it and give orders there.
play-click-a-place-to-see = Click a place on the map to see who holds it and who stands there.
play-nobody = nobody
play-held-by = Held by: { $holder }
play-gives-command = { $command } command/turn
play-gives-money = { $money } k roubles/turn
play-gives-communications = communications
play-gives-railway = railway
play-gives-power = power
play-gives-seat-of-government = seat of government
play-gives = Gives: { $gives }
play-bridge-raised = Raised: its links are cut.
play-lines-cut = Its lines are cut.
play-garrison = Garrison
play-unit-ready = ready
play-unit-passive = passive
play-unit = { $name } ({ $kind }) — { $strength } men, loyalty { $loyalty }, { $ready }

## Orders.
play-orders-here = Orders here
play-general-orders = General orders
play-orders-this-turn = Orders this turn
play-no-orders-yet = None yet.
play-cancel-order = Cancel this order

## The chronicle panel.
play-chronicle = Chronicle
play-chronicle-all = All
play-chronicle-selected-only = Only the selected place
play-chronicle-show-on-map = Click to show it on the map

## The briefing and the events of the turn.
play-begin = Begin
play-meanwhile = Meanwhile…

## Watching the game play itself: the controls and the narration.
playback-to-start = To the start (Home)
playback-turn-back = A turn back (←)
playback-pause = ⏸ Pause
playback-play = ▶ Play
playback-space-key = Space
playback-turn-forward = A turn forward (→)
playback-timeline = Timeline: drag to any time
playback-seconds-per-turn = s/turn
playback-press-play = Press ▶ Play or → to watch the day unfold.
playback-quiet-turn = Nothing of note happened in this turn.
playback-when = { $date } (Gregorian { $day } { $month })
# An AI side that gave no orders in the turn just played; $side is its name.
play-ai-gave-nothing = The { $side } gave no orders last turn: its command builds up for later.
