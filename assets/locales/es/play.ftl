# play

## The hot-seat curtain and the pause menu.
play-pass-keyboard = Pasa el teclado a: { $faction }.
play-ready = Estoy listo
play-paused = En pausa
play-resume = Continuar
play-quit = Volver al inicio

## The top bar: the date, the turn, each side's means.
play-clock = { $day } de { $month } de 1917, { $time }
play-gregorian = (gregoriano: { $day } de { $month })
play-turn-of = Turno { $turn } de { $total }
play-side-means = { $faction }: { $command } mando · { $funds } mil rublos
play-orders-of = Órdenes de: { $faction }
play-end-turn = Terminar turno (Intro)

## An order offered at a place: with its chance, or greyed.
play-offer-chance = { $label } — { $cost } mando, { $chance }%
play-offer-cost = { $label } — { $cost } mando

## The selected place.
play-click-a-place = Pulsa un lugar del mapa para verlo y dar órdenes allí.
play-click-a-place-to-see = Pulsa un lugar del mapa para ver quién lo controla y quién está allí.
play-nobody = nadie
play-held-by = En manos de: { $holder }
play-gives-command = { $command } mando/turno
play-gives-money = { $money } mil rublos/turno
play-gives-communications = comunicaciones
play-gives-railway = ferrocarril
play-gives-power = electricidad
play-gives-seat-of-government = sede del gobierno
play-gives = Da: { $gives }
play-bridge-raised = Levantado: sus enlaces están cortados.
play-lines-cut = Sus líneas están cortadas.
play-garrison = Guarnición
play-unit-ready = lista
play-unit-passive = pasiva
play-unit = { $name } ({ $kind }) — { $strength } hombres, lealtad { $loyalty }, { $ready }

## Orders.
play-orders-here = Órdenes aquí
play-general-orders = Órdenes generales
play-orders-this-turn = Órdenes de este turno
play-no-orders-yet = Ninguna todavía.
play-cancel-order = Cancelar esta orden

## The chronicle panel.
play-chronicle = Crónica
play-chronicle-all = Todo
play-chronicle-selected-only = Solo el lugar elegido
play-chronicle-show-on-map = Pulsa para verlo en el mapa

## The briefing and the events of the turn.
play-begin = Comenzar
play-meanwhile = Mientras tanto…

## Watching the game play itself: the controls and the narration.
playback-to-start = Al principio (Inicio)
playback-turn-back = Un turno atrás (←)
playback-pause = ⏸ Pausa
playback-play = ▶ Reproducir
playback-space-key = Espacio
playback-turn-forward = Un turno adelante (→)
playback-timeline = Línea de tiempo: arrastra a cualquier hora
playback-seconds-per-turn = s/turno
playback-press-play = Pulsa ▶ Reproducir o → para ver cómo transcurre el día.
playback-quiet-turn = En este turno no ocurrió nada digno de mención.
playback-when = { $date } (gregoriano { $day } { $month })
# Un bando de la IA que no dio órdenes en el turno que acaba de jugarse; $side es su nombre.
play-ai-gave-nothing = El turno pasado no hubo órdenes del { $side }: su mando se acumula para más adelante.
