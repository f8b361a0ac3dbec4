package words

// Sentences the window and the command line both say, word for word.
const (
	// ReloadTabs follows a start or an addition: a browser keeps its open
	// connections and its own DNS cache for a while.
	ReloadTabs = "Tabs that are already open keep working until you reload them."
	// StreaksKept follows a new day of last contact.
	StreaksKept = "Your earlier streaks stay in your history."
	// Ended is said when a block has ended early.
	Ended = "The block has ended."
	// Kept is said when a requested early end is withdrawn.
	Kept = "You kept the block. The early end is withdrawn and the block runs to its end."
	// RemovedKeeps follows a saved profile removed while a block may run.
	RemovedKeeps = "A running block keeps them blocked until it ends: a block only gets stronger while it runs."
	// ScheduleWaits says, before a schedule is made, how removing it
	// works.
	ScheduleWaits = "Removing a schedule takes 24 hours, so the night you decide in keeps its block."
	// ScheduleStays follows a schedule whose removal was asked.
	ScheduleStays = "It stays in force for 24 hours, and a block it has started runs to its end."
)
