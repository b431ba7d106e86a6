# La crónica: cómo se cuenta cada clase de suceso, las fechas, la comparación
# con la historia y los motivos por los que se rechaza una orden.

## Nombres de los meses (src/chronicle/words.rs).

time-month-1 = enero
time-month-2 = febrero
time-month-3 = marzo
time-month-4 = abril
time-month-5 = mayo
time-month-6 = junio
time-month-7 = julio
time-month-8 = agosto
time-month-9 = septiembre
time-month-10 = octubre
time-month-11 = noviembre
time-month-12 = diciembre

## Las frases de la crónica (src/chronicle/words.rs).

# Un encabezado por hora: «24 de octubre de 1917, 05:00 (gregoriano: 6 de noviembre)». $hour lleva dos cifras.
chron-hour-heading = { $day } de { $month } de { $year }, { $hour }:00 (gregoriano: { $gregorian_day } de { $gregorian_month })
# El bando de un lugar que nadie controla.
chron-nobody = nadie
chron-order-refused = La orden «{ $name }» no pudo cumplirse: { $reason }.
chron-control = Control de { $place }: { $side }.
chron-control-none = { $place } queda sin dueño.
chron-bridge-raised = Se levanta el { $place }.
chron-bridge-lowered = Se baja el { $place }.
chron-lines-cut = Cortadas las líneas de { $place }.
chron-lines-restored = Restablecidas las líneas de { $place }.
chron-arrived = Llegada a { $place }: { $unit }.
chron-held-up = Retenidos porque el otro bando controla { $place }: { $unit }.
chron-withdrawn = Abandonan { $place }: { $unit }.
chron-arrested = Detenidos: { $unit }.
chron-roused = Se pone en marcha: { $unit }.
chron-moved = { $unit }: de { $from } a { $place }.
chron-casualties = { $unit }: { $men } bajas.
chron-loyalty = { $unit }: la lealtad se desplaza { $points } puntos hacia { $toward } (ahora { $now }).
# $why es el texto de la condición de victoria, o nada.
chron-outcome-won = { $why } Vence: { $side }. Puntuación frente a la historia: { $score }.
chron-outcome-draw = Se acaba el tiempo sin que ningún bando se imponga: tablas. Puntuación frente a la historia: { $score }.

## La comparación con la historia (src/chronicle/words.rs).

chron-beside-history = Frente a la historia (horas julianas):
chron-as-in-history = como en la historia
# $hours lleva un decimal.
chron-hours-earlier = { $hours } h antes
chron-hours-later = { $hours } h después
chron-did-not-happen = no ocurrió
chron-moment-line = { $place } para { $who }: historia { $history }; esta partida { $game }

## Condiciones contadas como requisitos: por qué se rechaza una orden (src/sim/describe.rs).

describe-always = siempre
describe-never = no es posible
# Une condiciones que deben cumplirse todas.
describe-and = {" "}y{" "}
# Une condiciones de las que debe cumplirse una.
describe-or = {" "}o{" "}
describe-already-done = ya hecho: { $flag }
describe-already-roused = { $unit } ya está movilizada
describe-already-holds = { $side } ya controla { $place }
describe-not = no debe cumplirse: { $condition }
describe-holds = { $side } debe controlar { $place }
describe-lean-mrc = { $unit } debe inclinarse hacia el CMR al menos { $value }
describe-loyalty-at-least = la lealtad de { $unit } debe ser al menos { $value }
describe-lean-government = { $unit } debe inclinarse hacia el Gobierno al menos { $value }
describe-loyalty-at-most = la lealtad de { $unit } debe ser como mucho { $value }
describe-flag = antes: { $flag }
describe-after = no antes de { $time }
describe-before = solo antes de { $time }
describe-unit-at = { $unit } debe estar en { $place }
describe-present = { $unit } debe estar en la ciudad
describe-active = antes hay que movilizar a { $unit }
describe-raised = { $place } debe estar levantado
describe-lines-cut = las líneas de { $place } deben estar cortadas
describe-force-at-least = { $side } necesita al menos { $men } hombres listos en { $place }
describe-force-at-most = { $side } debe tener como mucho { $men } hombres listos en { $place }
describe-can-reach = { $unit } debe poder llegar a { $place } por puentes abiertos
describe-near = { $place } debe estar junto a { $other }
