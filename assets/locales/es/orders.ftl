# Por qué se rechaza una orden. Las condiciones del escenario se redactan en chronicle.ftl.

refused-game-over = la partida ha terminado
refused-no-such-action = no existe la acción «{ $id }»
refused-not-theirs = { $side } no puede dar esta orden
refused-command = no hay mando suficiente: cuesta { $cost } y quedan { $have }
refused-funds = no hay fondos suficientes: cuesta { $cost } mil rublos y quedan { $have }
refused-command-after-orders = no hay mando suficiente: cuesta { $cost } y quedan { $have } tras las órdenes ya dadas
refused-funds-after-orders = no hay fondos suficientes: cuesta { $cost } y quedan { $have } tras las órdenes ya dadas
refused-no-place-chosen = elige un lugar para esta orden
refused-no-such-place = no existe el lugar «{ $id }»
refused-wrong-place = esta orden no puede dirigirse a { $place }
refused-no-unit-chosen = elige una unidad para esta orden
refused-no-such-unit = no existe la unidad «{ $id }»
refused-wrong-unit = { $unit } no puede cumplir esta orden
refused-not-in-the-city = { $unit } no está en la ciudad
