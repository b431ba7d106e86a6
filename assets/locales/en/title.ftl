# The title screen and the hot-reload notices.

title-scenario = Scenario
title-broken = broken, see why
title-no-scenarios = No scenario files found in scenarios/.
title-play-as = Play as
title-seat-mrc = the MRC
title-seat-government = the Government
title-seat-hot-seat = two players (hot-seat)
title-seat-watch = watch AI against AI
title-seat-history = watch history (for a class)
title-ai = AI:
title-ai-easy = easy
title-ai-easy-hint = Weighs each order by its likely effect, one turn at a time.
title-ai-normal = normal
title-ai-normal-hint = Tries a few plans two hours ahead before it gives its orders.
title-ai-hard = hard
title-ai-hard-hint = Tries more plans, more often, four hours ahead.
title-ai-historical = historical
title-ai-historical-hint = Gives the orders given in history, at their hours.
title-seed = Seed:
title-language = Language:
title-ui-scale = UI scale:
title-projector = Projector mode: large type, high contrast
title-start = Start
title-what-if-statistics = What if… (statistics)
title-what-if = What if…
title-as-it-happened = As it happened
title-own-scenarios = Your own scenarios go in { $folder }

reload-done-title = Scenario reloaded
reload-done = { $file } changed on disk: the game starts again with the new version.
reload-broken-title = The new version has problems
reload-broken = { $file } changed, but it cannot be loaded. The last good version keeps running; fix the file and it reloads by itself.
reload-close = Close
