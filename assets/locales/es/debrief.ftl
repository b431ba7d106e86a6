# debrief

## The "what if" screen: a batch of a variant beside a batch of history.

whatif-back = ← Inicio
whatif-heading = ¿Y si…?
whatif-games-of-each = Partidas de cada uno:
whatif-play = Volver a jugarlas
whatif-heuristic = La IA heurística juega por ambos bandos y se adapta a lo que cambia la variante.
# The legend of the plots: the batch as it happened, and the batch of the variant.
whatif-as-it-happened = Tal como ocurrió
whatif-what-if = ¿Y si…?
whatif-mrc-wins = Gana el Comité
whatif-government-wins = Gana el Gobierno
whatif-draw = Empate
whatif-outcomes = Cómo terminaron las partidas (% de partidas)
whatif-loyalty = Lealtad media de la guarnición, turno a turno (+100: del Comité; −100: del Gobierno)

## The end of a game.

over-title = Fin de la partida
# $time: a date and time; $mrc, $government: the value of the places each holds.
over-result = Hora: { $time } · Valor de lo controlado (CMR / Gobierno): { $mrc } / { $government }
over-beside-history = Frente a la historia
over-handout = Hoja para la clase:
over-save-html = Guardar (HTML)
over-save-markdown = Guardar (Markdown)
# $path: where the handout was saved.
over-saved = Guardado: { $path }
# $error: why it could not be saved, in the system's words.
over-not-saved = No se pudo guardar { $path }: { $error }
over-open = Abrir
# $error: why it could not be opened, in the system's words.
over-not-opened = No se pudo abrir { $path }: { $error }
over-play-again = Jugar otra vez
over-title-screen = Volver al inicio
