# debrief

## The "what if" screen: a batch of a variant beside a batch of history.

whatif-back = ← Title screen
whatif-heading = What if…
whatif-games-of-each = Games of each:
whatif-play = Play again
whatif-heuristic = Both sides are played by the heuristic AI, which adapts to what the variant changes.
# The legend of the plots: the batch as it happened, and the batch of the variant.
whatif-as-it-happened = As it happened
whatif-what-if = What if
whatif-mrc-wins = Committee wins
whatif-government-wins = Government wins
whatif-draw = Draw
whatif-outcomes = How the games ended (% of games)
whatif-loyalty = The garrison's mean loyalty, turn by turn (+100: the Committee's; −100: the Government's)

## The end of a game.

over-title = The game is over
# $time: a date and time; $mrc, $government: the value of the places each holds.
over-result = Time: { $time } · Value held (MRC / Government): { $mrc } / { $government }
over-beside-history = Beside history
over-handout = Handout for the class:
over-save-html = Save (HTML)
over-save-markdown = Save (Markdown)
# $path: where the handout was saved.
over-saved = Saved: { $path }
# $error: why it could not be saved, in the system's words.
over-not-saved = Could not save { $path }: { $error }
over-open = Open
# $error: why it could not be opened, in the system's words.
over-not-opened = Could not open { $path }: { $error }
over-play-again = Play again
over-title-screen = Title screen
