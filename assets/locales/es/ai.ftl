# Por qué una IA da su orden principal: "{side} ordena «{action}» ({target}), {purpose}."

ai-reason = { $side } ordena «{ $action }», { $purpose }.
ai-reason-at = { $side } ordena «{ $action }» ({ $target }), { $purpose }.
ai-aim-take = para tomar { $place }
ai-aim-deny = para arrebatar { $place } al { $other }
ai-aim-win-over = para ganarse a { $unit }
ai-aim-rouse = para poner en marcha a { $unit }
ai-aim-bring-in = para traer a { $unit } a la ciudad
ai-aim-remove = para sacar de la lucha a { $unit }
ai-aim-weaken = para debilitar a { $unit }
ai-aim-cut-lines = para cortar las líneas del { $other } en { $place }
ai-aim-restore-lines = para restablecer sus líneas en { $place }
ai-aim-win = para ganar la jornada de una vez
ai-aim-raise = para cerrar el paso al { $other } por { $place }
ai-aim-lower = para abrir el paso por { $place }
ai-aim-guard = para defender { $place } frente al { $other }
ai-aim-command = para ganar mando
ai-aim-best = porque ahora nada pesa tanto
ai-weighed = (Elegida entre { $plans } planes, cada uno probado { $trials } veces en las próximas { $hours } horas.)
