# handout

## The debrief handout, in HTML or Markdown.

handout-no-outcome = The game did not end.
# $seed: the number the game was played with.
handout-seed = seed { $seed }
# The table of the game beside history: its headings, and a moment that did not happen.
handout-place = Place
handout-in-history = In history (Julian)
handout-in-this-game = In this game
handout-difference = Difference
handout-did-not-happen = did not happen
# Section headings.
handout-beside-history = The game beside history
handout-who-held = Who held the city at the end
handout-key-moments = Key moments of the game
handout-sources = Sources cited
handout-questions = Questions to discuss
# Where a reference is cited, when the variant's explanation cites it.
handout-cited-by-variant = the variant's explanation

## The text report of `petrograd simulate`.

# $mrc, $government: the policy playing each side.
simulate-header = { $runs } games, seed { $seed }, MRC: { $mrc }, Government: { $government }
simulate-outcomes = Outcomes
simulate-draw = Draw
# $games: the games in which the place fell, of $runs; the rest are days and times.
simulate-seat = { $place } passed to the MRC in { $games } of { $runs } games: median { $median }; half of them between { $from } and { $to }; earliest { $earliest }, latest { $latest }.
simulate-casualties = Casualties per game: mean { $mean }, median { $median } (from { $min } to { $max }).
simulate-decisive = Places that decided games (the MRC's share of wins when it held the place at the end / when it did not):
simulate-held-in = held in { $games } games
