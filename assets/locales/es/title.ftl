# La pantalla de inicio y los avisos de recarga.

title-scenario = Escenario
title-broken = con errores, ver por qué
title-no-scenarios = No hay escenarios en scenarios/.
title-play-as = Jugar como
title-seat-mrc = el CMR
title-seat-government = el Gobierno
title-seat-hot-seat = dos jugadores (en el mismo ordenador)
title-seat-watch = ver a la IA contra la IA
title-seat-history = ver la historia (para una clase)
title-ai = IA:
title-ai-easy = fácil
title-ai-easy-hint = Sopesa cada orden por su efecto probable, turno a turno.
title-ai-normal = normal
title-ai-normal-hint = Prueba unos cuantos planes dos horas por delante antes de dar sus órdenes.
title-ai-hard = difícil
title-ai-hard-hint = Prueba más planes, más veces, cuatro horas por delante.
title-ai-historical = histórica
title-ai-historical-hint = Da las órdenes que se dieron en la historia, a su hora.
title-seed = Semilla:
title-language = Idioma:
title-ui-scale = Escala:
title-projector = Modo proyector: letra grande, alto contraste
title-start = Empezar
title-what-if-statistics = ¿Y si…? (estadísticas)
title-what-if = ¿Y si…?
title-as-it-happened = Tal como ocurrió
title-own-scenarios = Tus escenarios van en { $folder }

reload-done-title = Escenario recargado
reload-done = { $file } ha cambiado en el disco: la partida empieza de nuevo con la versión nueva.
reload-broken-title = La versión nueva tiene errores
reload-broken = { $file } ha cambiado, pero no se puede cargar. Sigue en juego la última versión buena; corrige el archivo y se recargará solo.
reload-close = Cerrar
