"""Near-synonyms in the vocabularies of particular fields: commerce and billing,
infrastructure, Kubernetes, clouds' networks, sales and bookkeeping, data and records,
people and messaging, calendars, IT assets, films and music. Part of ``synonyms``'
table, which takes them after its general words (a word in both means what it means
here).

A plain table, searched at a lower weight than the words a request gives (``search``).
"""

from __future__ import annotations

_CURRENCY_NAMES = (
    {"eur", "usd", "gbp", "jpy", "chf", "cad", "aud", "nzd", "sek", "nok", "dkk", "pln", "czk"}
    | {"huf", "cny", "brl", "mxn", "inr", "krw", "zar", "sgd", "hkd", "euro", "euros", "dollar"}
    | {"dollars", "yen", "rupee", "rupees"}
)
"""Currencies' codes and names that are no other word ("won", "pound" and "franc" are)."""

FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    # Commerce and billing.
    "sell": ("product", "price"),
    "product": ("item", "sku", "goods"),
    "sku": ("product", "item"),
    # What a shop's customers and its goods are called.
    "listing": ("product", "item"),
    # A restaurant's menu is its items.
    "menu": ("item", "product"),
    "buyer": ("customer",),
    "shopper": ("customer",),
    # Shipping: an address that can be delivered to is a valid one.
    "deliverable": ("validate", "validation", "verify"),
    # Video: a stream sent on to other platforms is a simulcast.
    "restream": ("simulcast",),
    # Competition: a leaderboard is the standings, a ranking.
    "leaderboard": ("standings", "ranking", "rank", "score"),
    "standings": ("ranking", "leaderboard", "rank"),
    "ranking": ("standings", "leaderboard", "rank"),
    # Stock media: footage is video, music audio; what is curated is featured.
    "footage": ("video", "clip"),
    "music": ("audio", "track", "song"),
    "curated": ("featured", "curation"),
    # Calling campaigns: a robocall is a broadcast.
    "robocall": ("call", "broadcast"),
    "rent": ("lease", "rental"),
    # Sales engagement: a sequence of touches is a cadence; a demo is a meeting.
    "sequence": ("cadence",),
    "demo": ("meeting",),
    "shelf": ("stock", "inventory"),
    # A currency named by its code or name, with no amount: the currency is meant ("is
    # EUR enabled?"); with one it is money, a value (``values.money``).
    **dict.fromkeys(sorted(_CURRENCY_NAMES), ("currency",)),
    "chargeback": ("dispute",),
    "dispute": ("chargeback",),
    "receipt": ("invoice", "charge", "payment"),
    "credit": ("balance", "credit", "note"),
    "debt": ("uncollectible", "dispute"),
    "seat": ("quantity", "item", "license"),
    "quantity": ("seat", "amount"),
    "subscribe": ("subscription", "create", "watcher", "watch"),
    "signup": ("subscription", "register", "create"),
    "renewal": ("upcoming", "subscription", "invoice"),
    "billed": ("invoice", "charge"),
    "charged": ("invoice", "charge", "payment"),
    "card": ("payment", "method", "source"),
    # A bank is a financial institution (where a budgeting app keeps the accounts it follows).
    "bank": ("account", "external", "payout", "institution"),
    "payout": ("disbursement", "settlement"),
    "disbursement": ("payout",),
    "paid": ("payment",),
    # Fundraising: a donation is a contribution (a gift), the donor its contributor.
    "donation": ("contribution", "gift"),
    "donate": ("contribution", "contribute", "gift"),
    "donor": ("contributor", "contribution"),
    "timesheet": ("timecard", "time", "card", "entry"),
    "region": ("location", "zone"),
    "shard": ("nodegroup", "node", "group", "partition"),
    "android": ("gcm", "fcm", "firebase"),
    "firebase": ("fcm", "gcm"),
    "plaintiff": ("party",),
    "defendant": ("party",),
    "sick": ("absence", "illness", "sickness", "leave"),
    "barcode": ("ean", "upc", "gtin"),
    "sender": ("identity", "from"),
    "audience": ("segment", "list", "remarketing", "targeting"),
    "impression": ("report", "analytics", "metric", "performance", "stat"),
    "click": ("report", "analytics", "metric", "performance", "stat"),
    "fee": ("fee", "charge"),
    "tax": ("tax", "vat"),
    "vat": ("tax", "id"),
    "checkout": ("session", "cart", "payment"),
    "cart": ("checkout", "order", "basket"),
    "order": ("purchase", "checkout"),
    # Goods shipped are an order fulfilled (eBay's and Shopify's fulfillments).
    "shipping": ("fulfillment", "shipment", "delivery"),
    "ship": ("fulfillment", "shipment", "delivery"),
    "purchase": ("order", "payment", "charge"),
    "trial": ("subscription", "trial"),
    # Schools: a class is a section of a course; pupils and kids are students.
    "class": ("section", "course"),
    "classroom": ("section", "course"),
    "pupil": ("student",),
    "kid": ("student",),
    "guardian": ("contact", "parent"),
    # Infrastructure.
    "scale": ("autoscaler", "resize"),
    "replica": ("scale", "replicaset"),
    "restart": ("rollout", "delete", "redeploy", "reboot"),
    "reboot": ("restart", "reset"),
    "bounce": ("restart", "reboot"),
    "boot": ("start",),
    "plug": ("attach", "connect", "mount"),
    "unplug": ("detach", "disconnect", "unmount"),
    "connect": ("attach", "link"),
    "disconnect": ("detach", "unlink"),
    "mount": ("attach",),
    "unmount": ("detach",),
    "reinstall": ("rebuild", "reimage", "restore"),
    # What was deleted comes back: restored, recovered, undeleted.
    "restore": ("undelete", "recover", "untrash"),
    "recover": ("restore", "undelete"),
    "undelete": ("restore", "recover"),
    "reinstate": ("restore", "undelete", "reactivate"),
    "reimage": ("rebuild", "reinstall"),
    "rebuild": ("reinstall", "reimage"),
    "expand": ("resize", "extend", "grow"),
    "grow": ("resize", "extend", "expand"),
    "enlarge": ("resize", "extend"),
    "shrink": ("resize",),
    "cap": ("quota", "limit"),
    "nightly": ("schedule", "cron"),
    "night": ("schedule", "cron"),
    "daily": ("schedule", "cron"),
    "route": ("routing", "rule", "ingress"),
    # A virtual machine is an instance or a server in most cloud APIs (a "machine" is more
    # often its type or image there).
    "vm": ("instance", "virtual", "machine", "server"),
    "vps": ("instance", "virtual", "server"),
    "rollback": ("rollback", "revision", "undo"),
    "quota": ("limit", "resource", "quota"),
    # What is left of an allowance ("how many API calls do I have left?").
    "left": ("remaining", "quota", "limit", "usage", "balance"),
    "remaining": ("quota", "limit", "usage", "balance"),
    # A build's colour is its status.
    "green": ("status", "success", "check", "passing"),
    "red": ("status", "failure", "check", "failing"),
    "limit": ("quota", "range", "rate", "threshold"),
    # Requests slowed or refused for asking too often.
    "throttle": ("rate", "limit", "quota"),
    "traffic": ("network", "policy", "ingress", "endpoint"),
    "firewall": ("network", "policy", "rule", "port"),
    "ip": ("address", "endpoint"),
    "disk": ("volume", "storage", "persistent"),
    "storage": ("volume", "bucket", "disk"),
    "volume": ("disk", "storage"),
    "drive": ("volume", "disk"),
    "unhook": ("detach", "disassociate", "disconnect"),
    "retire": ("deregister", "deprecate", "decommission"),
    "healthy": ("status", "health", "condition"),
    # Whether something is over yet ("did the job finish?", "has it gone through?").
    "finish": ("status", "state", "complete"),
    "succeed": ("status", "state", "success"),
    "pending": ("status", "state"),
    # What waits for someone is pending.
    "waiting": ("pending", "queued"),
    # A fresh one is a renewed one ("get me a fresh token").
    "fresh": ("refresh", "renew"),
    "health": ("status", "condition", "ping", "healthcheck"),
    "schedule": ("cron", "schedule", "job"),
    "cron": ("schedule", "job"),
    # What fires at set times is a schedule ("get rid of the weekend-batch timer").
    "timer": ("schedule", "cron"),
    "cordon": ("node", "unschedulable"),
    # Kubernetes' kinds, in everyday words: more replicas as load grows, the control
    # plane's parts.
    "autoscale": ("autoscaler", "horizontal", "hpa"),
    "autoscaling": ("autoscaler", "horizontal", "hpa"),
    "scheduler": ("component", "componentstatus"),
    "etcd": ("component", "componentstatus"),
    "controllermanager": ("component", "componentstatus"),
    "drain": ("eviction", "node"),
    "expose": ("service", "ingress", "port"),
    "certificate": ("cert", "tls", "csr"),
    # A certificate's file formats, and what secures a connection, name certificates.
    "pfx": ("certificate", "cert"),
    "pem": ("certificate", "cert", "key"),
    "ssl": ("certificate", "cert", "tls"),
    "dns": ("domain", "record", "zone"),
    "domain": ("dns", "hostname"),
    "backup": ("snapshot", "export"),
    # Clouds' networks.
    "vpc": ("network",),
    "port": ("firewall", "rule"),
    "static": ("address", "reserved"),
    "hostname": ("endpoint", "host", "domain", "address"),
    "snapshot": ("backup",),
    "metrics": ("statistic", "usage", "monitor"),
    # States and events, in everyday words.
    "notify": ("webhook", "hook", "notification", "subscription"),
    "ping": ("hook", "notification"),
    "freeze": ("lock", "disable", "pause", "hold", "suspend"),
    "unfreeze": ("unlock", "enable", "resume"),
    "offline": ("disable", "stop", "suspend"),
    "online": ("enable", "start", "publish"),
    "forward": ("advance", "transfer", "redirect"),
    "broke": ("fail", "error"),
    "broken": ("fail", "error"),
    "died": ("fail", "error", "crash"),
    "crash": ("fail", "error"),
    "output": ("log", "result", "artifact", "trace"),
    # A snapshot of code to download.
    "zip": ("archive", "download", "export"),
    "tarball": ("archive", "download", "export"),
    # Checking a file's syntax is linting it.
    "syntax": ("lint", "validate", "validation"),
    # A phone rings: it is a call.
    "ring": ("call",),
    "dial": ("call",),
    "newest": ("latest", "recent"),
    "recent": ("latest",),
    "lately": ("recent", "latest"),
    "upcoming": ("next", "preview"),
    "vulnerable": ("vulnerability", "alert", "advisory", "security"),
    "vulnerability": ("alert", "advisory", "security"),
    "leak": ("secret", "scan", "alert"),
    "ownership": ("transfer", "owner"),
    "rights": ("permission", "role", "access"),
    "allowed": ("permission", "access", "authorization", "review"),
    "permitted": ("permission", "access", "authorization", "review"),
    "promote": ("role", "admin", "permission"),
    "decline": ("reject",),
    "refuse": ("decline", "reject", "deny"),
    # What people voted on is a poll.
    "vote": ("reaction", "poll"),
    "cost": ("price", "pricing", "billing", "usage"),
    "spent": ("balance", "billing", "usage", "invoice", "cost"),
    "rescan": ("refresh", "scan", "sync", "retest"),
    "owe": ("balance", "invoice"),
    "admin": ("owner", "role", "permission", "administrator"),
    # Where a team's things live: a workspace is an organization or a team in most APIs.
    "workspace": ("organization", "team", "org"),
    # Sales: a quote is an offer, an estimate, a proposal.
    "quote": ("offer", "estimate", "quotation", "proposal"),
    "offer": ("quote", "proposal", "negotiation", "bid"),
    # The most or least of something: its highest, its lowest.
    "biggest": ("highest", "largest", "max", "top"),
    "largest": ("highest", "biggest", "max", "top"),
    "highest": ("largest", "max", "top"),
    "smallest": ("lowest", "min"),
    "lowest": ("smallest", "min"),
    # What is hidden is no longer offered: deactivated, disabled, archived.
    "hide": ("deactivate", "disable", "archive", "hidden"),
    # What comes with no choice made is the default.
    "standard": ("default",),
    # Who may call from where: an allow list of origins.
    "whitelist": ("allow", "allowlist", "allowed", "approved"),
    "allowlist": ("whitelist", "allow", "allowed", "approved"),
    "cors": ("origin", "allowed"),
    # Disk space is storage used.
    "space": ("usage", "storage", "size"),
    # A site is a location.
    "site": ("location",),
    # An office of a company is one of its branches or locations.
    "office": ("branch", "location", "site"),
    # Figures over many records: an aggregate.
    "average": ("aggregate", "statistic", "mean", "avg"),
    "sum": ("aggregate", "total"),
    "total": ("sum", "summary", "aggregate"),
    # A thing at a glance: its summary.
    "overview": ("summary", "synopsis"),
    # A short text about a thing: its summary, its synopsis, its biography.
    "blurb": ("summary", "synopsis", "description", "biography"),
    "summary": ("synopsis", "overview"),
    "rundown": ("summary",),
    # An API's endpoints are its operations (API management, gateways), or its routes.
    "endpoint": ("operation", "route"),
    # Running a function is invoking it.
    "run": ("invoke", "execute", "trigger"),
    "invoke": ("run", "call", "execute"),
    # A database's functions and stored procedures are its routines.
    "function": ("routine",),
    "procedure": ("routine", "function"),
    # What a search service crawls it syncs from a data source.
    "crawl": ("sync", "index", "scan"),
    # Bookkeeping: the general ledger is the journal; a supplier is a vendor, a provider or
    # a contact.
    "ledger": ("journal", "account"),
    "supplier": ("vendor", "contact", "provider"),
    "vendor": ("supplier", "contact", "provider"),
    "provider": ("supplier", "vendor"),
    # What is owed to suppliers is bills.
    "payable": ("bill", "creditor", "supplier"),
    # What is owned and owed is on the balance sheet; an accrual is booked as a journal entry.
    "liability": ("balance", "sheet"),
    "accrual": ("journal", "entry"),
    "printable": ("pdf", "print", "document"),
    "uptime": ("monitor", "ping", "availability", "health"),
    "probe": ("ping", "check", "monitor", "health"),
    # A payment that recurs is a standing order as much as a schedule or a subscription.
    "recurring": ("repeating", "schedule", "subscription", "standing"),
    # Across a border: international, foreign.
    "overseas": ("international", "foreign", "abroad"),
    "abroad": ("international", "foreign", "overseas"),
    "foreign": ("international", "overseas"),
    "repeating": ("recurring", "schedule"),
    # What would happen, without doing it: a preview.
    "forecast": ("preview", "estimate", "projection"),
    "simulate": ("projection", "forecast", "preview", "estimate", "simulation"),
    "preview": ("render",),
    "render": ("preview",),
    # Checking that a thing is sound: verifying it, validating it.
    "verify": ("validate", "validation"),
    "validate": ("verify", "verification"),
    # What came of a run: its result.
    "outcome": ("result",),
    # What people say of a thing: its reviews ("rating" is no key: its stem is a rate's).
    "feedback": ("review", "comment"),
    # Working time: a shift is time on duty.
    "shift": ("duty", "schedule"),
    # A thing turned off is inactive.
    "inactive": ("disable", "deactivate"),
    # Data and records.
    "entry": ("item", "record"),
    "entries": ("item", "record"),
    "record": ("item", "entry", "row"),
    "row": ("item", "record"),
    "table": ("collection",),
    "column": ("field", "attribute"),
    "field": ("column", "attribute", "property"),
    "attribute": ("field", "property", "column"),
    # What is not taken yet is available ("the next free IP", "unused VLANs").
    "free": ("available",),
    "available": ("free", "busy", "availability"),
    "rule": ("filter", "policy"),
    "unused": ("available",),
    "unallocated": ("available",),
    "spare": ("available",),
    "hold": ("reserve", "reservation"),
    "nic": ("interface", "network"),
    # Network gear and where it stands (a switch too: the verb's near-synonym weighs little).
    "router": ("device",),
    "switch": ("device",),
    "appliance": ("device",),
    "datacenter": ("site", "location"),
    "datacentre": ("site", "location"),
    "area": ("region", "zone"),
    "audit": ("activity", "log", "event"),
    # People and messaging.
    "teammate": ("member", "user", "collaborator"),
    "colleague": ("member", "user"),
    "everyone": ("member", "user", "list"),
    "everybody": ("member", "user", "list"),
    "spam": ("block", "report", "abuse"),
    "spammer": ("block", "user"),
    "mention": ("mention", "comment", "notification"),
    "tagging": ("mention", "tag"),
    "dm": ("message", "conversation", "direct", "send"),
    "text": ("message", "sms"),
    "sms": ("message", "text"),
    "post": ("message", "comment", "create", "status"),
    # Social networks' words for a post and for sharing one again.
    "toot": ("status", "post", "tweet"),
    "tweet": ("status", "post"),
    "boost": ("reblog", "repost", "retweet", "reshare"),
    "reblog": ("boost", "repost", "retweet", "reshare"),
    "repost": ("reblog", "retweet", "reshare", "boost", "copy", "forward"),
    "retweet": ("reblog", "repost", "reshare", "boost"),
    "nickname": ("alias",),
    "queued": ("scheduled", "schedule", "pending"),
    "say": ("speak", "message"),
    # Calendars hold events.
    "calendar": ("event",),
    "meeting": ("event", "calendar"),
    # What IT tracks: assets are configuration items (CIs), laptops devices.
    "asset": ("configuration", "device", "inventory"),
    "standup": ("meeting", "event"),
    # Image and video analysis: who is famous is a celebrity; what may not be shown is
    # moderated (unsafe, explicit); reading the words in a picture detects its text.
    "famous": ("celebrity",),
    "celeb": ("celebrity",),
    "nsfw": ("moderation", "unsafe", "explicit", "safe"),
    "nudity": ("moderation", "explicit", "unsafe"),
    "explicit": ("moderation", "unsafe"),
    "violent": ("moderation", "unsafe", "violence"),
    "ocr": ("text", "detect"),
    "printed": ("text",),
    "ppe": ("protective", "equipment"),
    # Films and shows.
    "actor": ("person", "people", "cast"),
    "director": ("person", "people", "crew"),
    "watched": ("played", "seen", "viewed"),
    "unwatched": ("played", "unplayed"),
    # Music and podcasts: what was listened to was played.
    "listen": ("play", "played", "playing"),
    "occurrence": ("instance", "recurrence", "event"),
    "guest": ("attendee", "invitee", "participant"),
    "attendee": ("guest", "participant"),
    "appointment": ("event", "booking", "calendar", "visit"),
    "flag": ("report", "abuse", "flag"),
    "book": ("appointment", "booking", "reservation", "reserve"),
    "visit": ("appointment", "encounter"),
}
"""Near-synonyms in the vocabularies of particular fields (``synonyms.SYNONYMS`` holds
them too)."""
