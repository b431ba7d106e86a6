# Why an order is refused. Scenario conditions are worded in chronicle.ftl.

refused-game-over = the game is over
refused-no-such-action = there is no action "{ $id }"
refused-not-theirs = { $side } cannot give this order
refused-command = not enough command: it costs { $cost } and { $have } are left
refused-funds = not enough funds: it costs { $cost } thousand roubles and { $have } are left
refused-command-after-orders = not enough command: it costs { $cost } and { $have } are left after the orders already given
refused-funds-after-orders = not enough funds: it costs { $cost } and { $have } are left after the orders already given
refused-no-place-chosen = choose a place for this order
refused-no-such-place = there is no place "{ $id }"
refused-wrong-place = { $place } is not a place this order can aim at
refused-no-unit-chosen = choose a unit for this order
refused-no-such-unit = there is no unit "{ $id }"
refused-wrong-unit = { $unit } cannot carry out this order
refused-not-in-the-city = { $unit } is not in the city
