using OpenOrchestrator.Contracts;

namespace OpenOrchestrator.Silo.Templates;

/// <summary>The seed's templates. Their bots get the server's default model; the documents hold what the user edits.</summary>
public static class TemplateCatalog
{
    public static IReadOnlyList<BotTemplate> All(string model) =>
    [
        new("ebay-scout", "eBay scout", "🛒", "Watches eBay for offers that match your search and reports each new one once.",
        [
            new("scout", Spec(model, "eBay-Scout", "🛒", "Finds offers under your price limit.",
                "Read search.md for what to look for and the price limit. Open eBay's search for it with browser.open " +
                "(https://www.ebay.com/sch/i.html?_nkw= and your words) and open the listings that look right; eBay's pages need their JavaScript, " +
                "so use browser.open, not browser.fetch. If a result says Blocked, stop and say so rather than reporting nothing. " +
                "Report every matching offer with results.report: title, price and the listing's URL. Offers reported before are recognised; do not worry about repeats.",
                [ToolNames.Browser, ToolNames.Files], Every(30), [NotifyChannels.Dashboard, NotifyChannels.Telegram]),
                Docs(("search.md", "# Search\n\nWhat: Nike Air Max 90, size 43\nMax price: 80 €\nCondition: new or like new\n"))),
        ], []),
        new("vinted-finder", "Vinted finder", "👗", "Looks through Vinted for items on your wish list.",
        [
            new("finder", Spec(model, "Vinted-Finder", "👗", "Finds wish-list items on Vinted.",
                "Read wishlist.md. For each item, open Vinted's catalogue search with browser.open (https://www.vinted.com/catalog?search_text= and the item), " +
                "use browser.click on the items that look right, and report every match within its " +
                "budget with results.report: title, price, size and the URL. Vinted renders with JavaScript, so browser.fetch sees little; " +
                "a result starting with Blocked means Vinted refused the visit: say so instead of reporting nothing.",
                [ToolNames.Browser, ToolNames.Files], Every(60), [NotifyChannels.Dashboard, NotifyChannels.Telegram]),
                Docs(("wishlist.md", "# Wish list\n\n- Levi's 501, W32 L32, up to 30 €\n- Barbour wax jacket, size M, up to 90 €\n"))),
        ], []),
        new("dev-test", "Dev + Test pipeline", "🧪", "A developer bot writes code from a spec; when it is done, a test bot tests it.",
        [
            new("dev", Spec(model, "Dev-Bot", "👩‍💻", "Implements spec.md in its documents.",
                "Read spec.md and implement it: write the code into your documents with files.write (e.g. add.py). " +
                "End with a short summary of what you wrote and where.",
                [ToolNames.Files], Manual(), [NotifyChannels.Dashboard]),
                Docs(("spec.md", "# Feature\n\nWrite add.py with a function add(a, b) that returns the sum of two numbers.\n"))),
            new("test", Spec(model, "Test-Bot", "🧪", "Tests what the Dev-Bot wrote.",
                "You were started because the Dev-Bot finished. Read its code with files.read and from = its bot id (given in your input), " +
                "copy it into your own documents, write tests next to it (e.g. test_add.py using assert), run them with code.run " +
                "(e.g. python3 test_add.py) and report the outcome with results.report: title 'Tests passed' or 'Tests failed: …'.",
                [ToolNames.Files, ToolNames.Code], Manual(), [NotifyChannels.Dashboard]),
                Docs()),
        ],
        [new("dev", TriggerEvents.Completed, "test")]),
        new("support-mail", "Support-mail drafter", "✉️", "Drafts answers to customer mails; you approve (or edit) each before it is sent.",
        [
            new("support", Spec(model, "Support-Drafter", "✉️", "Drafts answers to support mails for your approval.",
                "You are given customer e-mails as your input (From, To, Subject, Date, Message-ID, then the text): each new mail in the owner's " +
                "mailbox arrives on its own, or the owner pastes one. Read faq.md and tone.md, then draft one answer per mail " +
                "and report it with results.report: title = the reply's subject (Re: …), content = the whole answer, to = the customer's e-mail address. " +
                "Nothing is sent until the owner approves the draft; a mail from the mailbox is answered in its thread. " +
                "If a mail needs a human (a refund over 100 €, a legal threat), say so in the draft's first line.",
                [ToolNames.Files], new ScheduleSpec { Kind = ScheduleKinds.Mail }, [NotifyChannels.Dashboard]) with { RequireApproval = true },
                Docs(
                    ("faq.md", "# FAQ\n\n- Delivery takes 2–4 working days in Germany, 5–8 abroad.\n- Returns: 30 days, free label at shop.example/returns.\n- Refunds arrive 5 days after we receive the return.\n"),
                    ("tone.md", "# Tone\n\nFriendly, short, no jargon. Sign with: Your support team\n"))),
        ], []),
        new("research-digest", "Daily research digest", "📰", "Every morning, researches your topics and mails the new findings as a digest.",
        [
            new("research", Spec(model, "Research-Digest", "📰", "Collects news on your topics every morning.",
                "Read topics.md. For each topic, search the web for news of the last day, open the best sources and report each relevant " +
                "finding with results.report: a clear title, the source URL and two or three sentences of content.",
                [ToolNames.WebSearch, ToolNames.Browser, ToolNames.Files], new ScheduleSpec { Kind = ScheduleKinds.Cron, Cron = "0 7 * * *" },
                [NotifyChannels.Dashboard, NotifyChannels.Email]),
                Docs(("topics.md", "# Topics\n\n- .NET and Orleans releases\n- AI agents in production\n"))),
        ], []),
    ];

    private static BotSpec Spec(string model, string name, string emoji, string description, string prompt, string[] tools, ScheduleSpec schedule, string[] notify) => new()
    {
        Name = name,
        Emoji = emoji,
        Description = description,
        Prompt = prompt,
        Model = model,
        Tools = tools,
        Schedule = schedule,
        Notify = notify,
    };

    private static ScheduleSpec Every(int minutes) => new() { Kind = ScheduleKinds.Interval, EveryMinutes = minutes };

    private static ScheduleSpec Manual() => new() { Kind = ScheduleKinds.Manual };

    private static Dictionary<string, string> Docs(params (string Path, string Content)[] documents) => documents.ToDictionary(d => d.Path, d => d.Content);
}
