# handout

## The debrief handout, in HTML or Markdown.

handout-no-outcome = La partida no terminó.
# $seed: the number the game was played with.
handout-seed = semilla { $seed }
# The table of the game beside history: its headings, and a moment that did not happen.
handout-place = Lugar
handout-in-history = En la historia (juliano)
handout-in-this-game = En esta partida
handout-difference = Diferencia
handout-did-not-happen = no ocurrió
# Section headings.
handout-beside-history = La partida frente a la historia
handout-who-held = Quién controlaba la ciudad al final
handout-key-moments = Momentos clave de la partida
handout-sources = Fuentes citadas
handout-questions = Preguntas para debatir
# Dónde se cita una referencia, cuando la cita la explicación de la variante.
handout-cited-by-variant = la explicación de la variante

## The text report of `petrograd simulate`.

# $mrc, $government: the policy playing each side.
simulate-header = { $runs } partidas, semilla { $seed }, CMR: { $mrc }, Gobierno: { $government }
simulate-outcomes = Resultados
simulate-draw = Empate
# $games: the games in which the place fell, of $runs; the rest are days and times.
simulate-seat = { $place } pasó al CMR en { $games } de { $runs } partidas: mediana { $median }; la mitad entre { $from } y { $to }; la primera { $earliest }, la última { $latest }.
simulate-casualties = Bajas por partida: media { $mean }, mediana { $median } (de { $min } a { $max }).
simulate-decisive = Lugares que decidieron partidas (victorias del CMR cuando controlaba el lugar al final / cuando no):
simulate-held-in = controlado en { $games } partidas
