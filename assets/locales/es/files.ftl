# Partidas guardadas, repeticiones y deshacer en la ventana.

files-no-data-dir = Este sistema no tiene carpeta de datos donde guardar.
files-saved = Guardado: { $path }
files-not-saved = No se pudo guardar { $path }: { $error }
files-autosave-failed = Falló el guardado automático: { $error }
files-undone = Orden retirada (Ctrl+Y la vuelve a dar).
files-nothing-to-undo = No tienes ninguna orden que retirar en este turno.
files-redone = Orden dada de nuevo.
files-cannot-redo = Esa orden ya no se puede dar: { $why }
files-nothing-to-redo = No hay nada que volver a dar.
files-loaded = Cargado: { $path }
files-watching = Viendo la repetición { $path }.
files-replay-differs = Puede que esta repetición no se juegue como se grabó: { $why }
files-load-title = Cargar una partida guardada
files-replays-title = Ver una repetición
files-folder = Carpeta: { $folder }
files-no-saves = Aún no hay partidas guardadas. Ctrl+S guarda durante la partida, y cada turno se guarda solo.
files-no-replays = Aún no hay repeticiones. Se escribe una al terminar cada partida, y otra junto a cada partida guardada.
files-changed-title = El escenario ha cambiado
files-changed = { $scenario } se ha editado desde que se guardó esta partida. Puede que la partida cargue, o que ya no tenga sentido.
files-try-anyway = Intentarlo igualmente
files-cancel = Cancelar
files-save = Guardar (Ctrl+S)
files-load = Cargar… (Ctrl+L)
files-undo = ↶ Deshacer (Ctrl+Z)
files-redo = ↷ Rehacer (Ctrl+Y)
files-title-load = Cargar una partida guardada…
files-title-replay = Ver una repetición…
files-turn = turno { $turn }
files-at = línea { $line }, columna { $column }

# Partidas guardadas y repeticiones que no se pueden usar. $what es load-kind-save o
# load-kind-replay; $detail son las palabras del lector de archivos, en inglés.
load-kind-save = partida guardada
load-kind-replay = repetición
load-cannot-read = No se puede leer esta { $what }: { $error }
load-too-large = Este archivo ocupa { $size } bytes; una { $what } ocupa como mucho { $most }.
load-not-text = Esta { $what } no es texto (UTF-8).
load-empty = Este archivo de { $what } está vacío: no se llegó a escribir nada en él.
load-not-ours = Este no es un archivo de { $what } de Petrogrado 1917: no tiene format_version.
load-cut-short = Este archivo de { $what } termina demasiado pronto, como si se hubiera cortado ({ $detail }).
load-damaged = Este archivo de { $what } está dañado: { $detail }
load-newer = Esta partida guardada es del formato { $found }, de una versión más nueva del juego (esta lee hasta el { $most }).
load-no-such-format = Esta partida guardada dice ser del formato { $found }, y nunca ha existido tal formato.
load-unfit = Esta partida guardada no se puede cargar: { $detail }
load-replay-format = Esta repetición es del formato { $found }; este juego lee el formato { $reads }.
load-replay-rng = Esta repetición se grabó con { $found }, y este juego sortea con { $ours }.
load-help-save = El archivo se ha dejado tal como estaba. Carga otra partida (una guardada automáticamente o una rápida).
load-help-replay = El archivo se ha dejado tal como estaba. Vuelve a grabar la partida o mira otra repetición.
load-help-update = El archivo se ha dejado tal como estaba. Actualiza el juego para cargarlo.
load-help-unfit = El archivo se ha dejado tal como estaba. Cárgalo con el escenario con el que se hizo, o carga otra partida.
load-help-version = Reprodúcela con la versión del juego que la grabó.
load-scenario-broken = No se puede cargar el escenario { $path }:
    { $detail }
load-no-scenario = El escenario { $name } no está ni en scenarios/ ni en la carpeta de mods. Ponlo en la carpeta de mods (en la línea de órdenes, da su ruta con --scenario).
load-history-variant = la historia tal como fue
load-replay-other = la repetición es de { $recorded }, no de { $chosen }
load-replay-changed = { $scenario } ha cambiado desde que se grabó la repetición
