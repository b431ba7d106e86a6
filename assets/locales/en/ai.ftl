# Why an AI gives its main order: "{side} orders “{action}” ({target}), {purpose}."

ai-reason = { $side } orders “{ $action }”, { $purpose }.
ai-reason-at = { $side } orders “{ $action }” ({ $target }), { $purpose }.
ai-aim-take = to take { $place }
ai-aim-deny = to take { $place } out of the hands of the { $other }
ai-aim-win-over = to win over { $unit }
ai-aim-rouse = to get { $unit } moving
ai-aim-bring-in = to bring { $unit } into the city
ai-aim-remove = to take { $unit } out of the fight
ai-aim-weaken = to weaken { $unit }
ai-aim-cut-lines = to cut the lines of the { $other } at { $place }
ai-aim-restore-lines = to restore its lines at { $place }
ai-aim-win = to win the day outright
ai-aim-raise = to bar the way of the { $other } across { $place }
ai-aim-lower = to open the way across { $place }
ai-aim-guard = to hold { $place } against the { $other }
ai-aim-command = to gain command
ai-aim-best = because nothing else weighs as much now
ai-weighed = (Chosen from { $plans } plans, each tried { $trials } times over the next { $hours } hours.)
