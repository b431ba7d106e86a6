# The chronicle: how each kind of happening is told, dates, the comparison
# with history, and the reasons an order is refused.

## Month names (src/chronicle/words.rs).

time-month-1 = January
time-month-2 = February
time-month-3 = March
time-month-4 = April
time-month-5 = May
time-month-6 = June
time-month-7 = July
time-month-8 = August
time-month-9 = September
time-month-10 = October
time-month-11 = November
time-month-12 = December

## The chronicle's sentences (src/chronicle/words.rs).

# A heading per hour: "24 October 1917, 05:00 (Gregorian: 6 November)". $hour has two digits.
chron-hour-heading = { $day } { $month } { $year }, { $hour }:00 (Gregorian: { $gregorian_day } { $gregorian_month })
# The side of a place nobody holds.
chron-nobody = nobody
chron-order-refused = The order "{ $name }" could not be carried out: { $reason }.
chron-control = { $place } passes to the { $side }.
chron-control-none = { $place } is left in nobody's hands.
chron-bridge-raised = The { $place } is raised.
chron-bridge-lowered = The { $place } is lowered.
chron-lines-cut = The lines of { $place } are cut.
chron-lines-restored = The lines of { $place } are restored.
chron-arrived = Arriving at { $place }: { $unit }.
chron-held-up = Held up because the other side holds { $place }: { $unit }.
chron-withdrawn = Leaving { $place }: { $unit }.
chron-arrested = Arrested: { $unit }.
chron-roused = Roused to act: { $unit }.
chron-moved = { $unit }: from { $from } to { $place }.
chron-casualties = { $unit }: { $men } men lost.
chron-loyalty = { $unit }: loyalty shifts { $points } points toward the { $toward } (now { $now }).
# $why is the victory condition's own text, or empty.
chron-outcome-won = { $why } The { $side } wins. Score against history: { $score }.
chron-outcome-draw = Time runs out with neither side decisively ahead: a draw. Score against history: { $score }.

## The comparison with history (src/chronicle/words.rs).

chron-beside-history = Beside history (Julian times):
chron-as-in-history = as in history
# $hours has one decimal.
chron-hours-earlier = { $hours } h earlier
chron-hours-later = { $hours } h later
chron-did-not-happen = did not happen
chron-moment-line = { $place } to the { $who }: history { $history }; this game { $game }

## Conditions told as requirements: why an order is refused (src/sim/describe.rs).

describe-always = always
describe-never = this is not possible
# Joins conditions that must all hold.
describe-and = {" "}and{" "}
# Joins conditions of which one must hold.
describe-or = {" "}or{" "}
describe-already-done = already done: { $flag }
describe-already-roused = { $unit } is already roused
describe-already-holds = { $side } already holds { $place }
describe-not = not so: { $condition }
describe-holds = { $side } must hold { $place }
describe-lean-mrc = { $unit } must lean to the MRC by at least { $value }
describe-loyalty-at-least = { $unit }'s loyalty must be at least { $value }
describe-lean-government = { $unit } must lean to the Government by at least { $value }
describe-loyalty-at-most = { $unit }'s loyalty must be at most { $value }
describe-flag = first: { $flag }
describe-after = not before { $time }
describe-before = only before { $time }
describe-unit-at = { $unit } must be at { $place }
describe-present = { $unit } must be in the city
describe-active = { $unit } must be roused first
describe-raised = { $place } must be raised
describe-lines-cut = the lines of { $place } must be cut
describe-force-at-least = { $side } needs at least { $men } men ready at { $place }
describe-force-at-most = { $side } must have at most { $men } men ready at { $place }
describe-can-reach = { $unit } must be able to reach { $place } over open bridges
describe-near = { $place } must be next to { $other }
