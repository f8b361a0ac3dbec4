package content

// Our own lines: one is shown with every passage, saying in plain second
// person why it was chosen now. They are ours, never the article's, and
// every screen shows them apart from the quote. Read each one aloud
// before adding it: kind, plain, never scolding or clinical, never "you
// failed"; a test keeps out the words that would make them so.
//
// {place} is the site's name ("Instagram"), {nth} the how-manieth attempt
// ("4th"), {quiet} how long there was none ("9 days"), {motive} what the
// person named in their journal ("wanting closure").

// situationLines are the lines for a situation.
var situationLines = map[situation][]string{
	sitLate: {
		"It's late, and late is when this is hardest.",
		"Nights make everything louder. This will feel different in the morning.",
		"Late at night the pull feels like the truth. It usually looks smaller by daylight.",
		"It's late and you're tired. Be as gentle with yourself as you'd be with a friend.",
	},
	sitManyHour: {
		"This is the {nth} time this hour. The pull comes in waves, and waves pass.",
		"You keep coming back this hour. That is what a loop feels like from the inside.",
		"The {nth} time this hour. Nothing is wrong with you; this is what missing someone does.",
		"The urge keeps returning this hour. You can let this one pass too.",
	},
	sitManyDay: {
		"This is your {nth} attempt today. It's been a hard day, and it will end.",
		"A lot of pulls today. You don't have to win the day, only get through it.",
		"The {nth} time today. Each one you ride out still counts.",
	},
	sitQuiet: {
		"You went {quiet} without trying to look. Those days still count.",
		"{quiet} without looking, and now the pull is back. It doesn't undo what you've done.",
		"It's been {quiet} since the last time. A return of the urge is normal, not a reset.",
	},
	sitScheduled: {
		"You set these hours aside yourself, for a moment like this one.",
		"This is one of the times you chose to protect. Your past self planned for it.",
		"Your schedule is holding this time for you, as you asked it to.",
	},
	sitMotive: {
		"Your journal names {motive} as part of what pulls you back. This is about that.",
		"You wrote about {motive} in your journal. Here is what the article says about it.",
		"When you logged an urge, you named {motive}. This passage is for that.",
	},
	sitTamper: {
		"If that was you, this is for the moment you're in.",
		"If it was you, that's all right: read this before you decide what's next.",
	},
	sitUnlock: {
		"You asked to end your block early. Take this in while the cool-down runs.",
		"The cool-down gives you time to think. Here is something to think with.",
	},
	sitEnding: {
		"You're thinking about ending the block early. Give this a moment before you choose.",
		"Before you decide, one short read. The choice stays yours.",
	},
	sitConfirm: {
		"Your cool-down is over and the choice is yours. Read this once more before you decide.",
		"You waited the whole cool-down. Whatever you choose, read this first.",
	},
	sitStart: {
		"You just started a block. This is why distance helps.",
		"You chose distance today. That takes something.",
	},
	sitScheduleStart: {
		"Your schedule just started a block, as you asked it to.",
		"The hours you set aside have begun. You planned this on a clearer day.",
	},
}

// placeLines are the lines for the kind of site a visit was to.
var placeLines = map[place][]string{
	feedPlace: {
		"{place} keeps their days one tap away. You don't have to tap.",
		"What {place} shows is what they chose to show, not how they are.",
		"Every post on {place} is a small door back. You can leave it closed today.",
	},
	postsPlace: {
		"Reading their posts on {place} can feel like hearing from them. It isn't the same.",
		"On {place}, their words reach everyone. They were not written for you to decode.",
	},
	videoPlace: {
		"{place} is built to pull you back for one more. So is this feeling.",
		"One more video of theirs won't settle anything. The pull will settle on its own.",
	},
	photosPlace: {
		"Photos on {place} keep the good days bright. They were real, and so is now.",
		"Old pictures show moments, not the whole story.",
	},
	messagingPlace: {
		"{place} is where a message to them would start. It can wait.",
		"Whatever you want to tell them will still be true tomorrow, if it still matters.",
		"Writing to them might feel like relief. You can give the feeling time first.",
	},
	professionalPlace: {
		"{place} keeps them in your circles. You can step out of their orbit for now.",
		"Their job, their news, their people: none of it needs you checking today.",
	},
	blogPlace: {
		"Reading their words on {place} can feel like a conversation. It isn't one.",
		"What they write is theirs. You don't have to read it to be okay.",
	},
	moneyPlace: {
		"Who they pay and who pays them on {place} won't tell you what you want to know.",
		"Looking through {place} for clues tends to leave more questions than answers.",
	},
	otherPlace: {
		"{place} is one more place that keeps them close. You set it aside for a reason.",
		"You blocked {place} on a clearer day. That choice still holds.",
	},
}

// sectionLines are the lines for a section or term chosen only because
// the day had not shown it yet, by its title.
var sectionLines = map[string][]string{
	"The Psychology Behind No Contact: Why It’s Recommended": {
		"Distance is what gives healing room. You chose it for a reason.",
		"You set this up on a clearer day, for moments like this one.",
	},
	"Emotional Attachments: The Pull to Reconnect": {
		"Missing them is real. It doesn't mean you have to look.",
		"The pull to reconnect has a name, and it is not a sign.",
	},
	"Fear of Loneliness and Its Impact on Behavior": {
		"If you feel alone right now, that makes sense. Looking at them won't fill it.",
		"Loneliness can be loud. Someone else in your life would be glad to hear from you.",
	},
	"Seeking Closure: Is It Ever Truly Achievable?": {
		"The answer you're looking for may not be on their page.",
		"Closure is something you can build slowly, on your side.",
	},
	"The Role of Attachment Styles in Breaking No Contact": {
		"Needing reassurance is human. You can give yourself some right now.",
		"Old patterns pull hardest when you're hurting. Noticing them is a start.",
	},
	"The Influence of Social Support and Peer Pressure": {
		"Friends mean well. What you need right now still counts most.",
		"You can love your friends and still keep this distance.",
	},
	"Altruistic Motivations: Wanting to Help an Ex-Partner": {
		"Wanting them to be okay is kind. Their being okay doesn't have to come from you.",
		"Caring about them and keeping your distance can both be true.",
	},
	"Guilt and Responsibility: Moral Reasons for Reaching Out": {
		"Feeling responsible for them is heavy. You're allowed to set it down for now.",
		"You can wish them well from a distance.",
	},
	"Cognitive Dissonance: Justifying the Contact": {
		"If part of you is building the case for looking, this is for that part.",
		"'Just once' is a familiar voice. You don't have to argue with it, only wait.",
	},
	"Strategies for Maintaining Boundaries Post-Breakup": {
		"This block is one of your boundaries, and it is doing its job.",
		"Keeping a boundary is easier with help. You set some up for yourself.",
	},
	"Post-Breakup Cognitive Dissonance": {
		"Two things can be true: you miss them, and distance is right for you.",
		"Feeling torn doesn't mean you chose wrong.",
	},
	"Nostalgia-driven Contact": {
		"The good days were real. So are the reasons you're here now.",
		"Memories come back on their own. You don't have to go looking for more.",
	},
	"Attachment Rebound Spiral": {
		"When the pull comes back stronger, it's the spiral talking, not the truth.",
		"Letting this urge pass is one turn of the spiral you don't take.",
	},
	"Emotional Uncertainty Loop": {
		"Not knowing is hard. Looking rarely answers it.",
		"The questions can wait. So can they.",
	},
	"Digital Liminality": {
		"Their online life is not the same as them. It's a window you can close.",
		"Online, the past stays a scroll away. It's all right to leave it there.",
	},
	"Phantom Communication Syndrome": {
		"A post can feel like a message to you. Most of the time it isn't one.",
		"If something felt like a sign, give it a day before you read it as one.",
	},
	"Social Media Relapse": {
		"Every update is a small pull back. You don't have to see them.",
		"What they post is chosen to be seen. It isn't the whole story.",
	},
	"Longing-for-Closure Bias": {
		"Wanting an ending that makes sense is human. You can write that ending yourself.",
		"The need to understand can ease, even without their answer.",
	},
	"Reward Expectancy Resurgence": {
		"Part of you is hoping for a good moment from them. That hope is strong, and it passes.",
		"The little lift of looking is real. So is how it feels afterwards.",
	},
	"Loneliness Avoidance Impulse": {
		"Reaching out so as not to feel alone is human. There are other people to reach.",
		"You deserve comfort that doesn't cost you your healing.",
	},
}

// motiveWords say a journal motive (app/vault's IDs) inside a sentence.
var motiveWords = map[string]string{
	"altruism":             "wanting to help them",
	"guilt":                "guilt",
	"loneliness":           "loneliness",
	"closure":              "wanting closure",
	"nostalgia":            "nostalgia",
	"attachment":           "attachment",
	"peer_pressure":        "what friends say",
	"cognitive_dissonance": "talking yourself into it",
}
