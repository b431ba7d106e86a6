# Saves, replays and undo in the window.

files-no-data-dir = There is no data folder on this system to save into.
files-saved = Saved: { $path }
files-not-saved = Could not save { $path }: { $error }
files-autosave-failed = The autosave failed: { $error }
files-undone = Order taken back (Ctrl+Y gives it again).
files-nothing-to-undo = No order of yours to take back this turn.
files-redone = Order given again.
files-cannot-redo = That order can no longer be given: { $why }
files-nothing-to-redo = Nothing to give again.
files-loaded = Loaded: { $path }
files-watching = Watching the replay { $path }.
files-replay-differs = This replay may not play as it was recorded: { $why }
files-load-title = Load a saved game
files-replays-title = Watch a replay
files-folder = Folder: { $folder }
files-no-saves = No saved games yet. Ctrl+S saves during a game, and every turn is saved by itself.
files-no-replays = No replays yet. One is written when a game ends, and one beside each save.
files-changed-title = The scenario has changed
files-changed = { $scenario } has been edited since this game was saved. The save may load, or it may not make sense any more.
files-try-anyway = Try anyway
files-cancel = Cancel
files-save = Save (Ctrl+S)
files-load = Load… (Ctrl+L)
files-undo = ↶ Undo (Ctrl+Z)
files-redo = ↷ Redo (Ctrl+Y)
files-title-load = Load a saved game…
files-title-replay = Watch a replay…
files-turn = turn { $turn }
files-at = line { $line }, column { $column }

# Saves and replays that cannot be used. $what is load-kind-save or load-kind-replay;
# $detail is the file reader's own words, in English.
load-kind-save = save
load-kind-replay = replay
load-cannot-read = Cannot read this { $what }: { $error }
load-too-large = This file is { $size } bytes; a { $what } is at most { $most }.
load-not-text = This { $what } is not text (UTF-8).
load-empty = This { $what } file is empty: nothing was written to it.
load-not-ours = This is not a Petrograd 1917 { $what } file: it has no format_version.
load-cut-short = This { $what } file stops too early, as if cut short ({ $detail }).
load-damaged = This { $what } file is damaged: { $detail }
load-newer = This save is of format { $found }, made by a newer version of the game (this one reads up to { $most }).
load-no-such-format = This save says it is of format { $found }, and there has never been such a format.
load-unfit = This save cannot be loaded: { $detail }
load-replay-format = This replay is of format { $found }; this game reads format { $reads }.
load-replay-rng = This replay was recorded with { $found }, and this game draws with { $ours }.
load-help-save = The file was left as it is. Load another save (an autosave, or a quick save).
load-help-replay = The file was left as it is. Record the game again, or watch another replay.
load-help-update = The file was left as it is. Update the game to load it.
load-help-unfit = The file was left as it is. Load it with the scenario it was made with, or load another save.
load-help-version = Play it with the version of the game that recorded it.
load-scenario-broken = The scenario { $path } cannot be loaded:
    { $detail }
load-no-scenario = The scenario { $name } is neither in scenarios/ nor in the mods folder. Put it in the mods folder (on the command line, give its path with --scenario).
load-history-variant = history as it happened
load-replay-other = the replay is of { $recorded }, not of { $chosen }
load-replay-changed = { $scenario } has changed since the replay was recorded
