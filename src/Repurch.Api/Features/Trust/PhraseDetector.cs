using System.Text.RegularExpressions;

namespace Repurch.Api.Features.Trust;

/// <summary>
/// What a message asks for, in words: each rule is a signal type and a pattern over the normalised
/// text (<see cref="NormalisedText.Leet"/>, so <c>wh4tsapp</c> and <c>b1tcoin</c> read as words).
/// Patterns pair the thing (a code, a deposit, a courier) with what makes it a scam (asking for it,
/// paying for it, outside the platform) inside one sentence, so the words alone in ordinary talk
/// ("the code on the label", "the courier comes Tuesday") do not fire.
/// </summary>
internal static partial class PhraseDetector
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>
    /// Every gap between words is bounded, so no pattern can backtrack without limit; the timeout is the
    /// net under that (a rule that times out on a hostile text counts as not matched).
    /// </summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A rule's regex: non-backtracking (linear in the text, a DFA over the word alternations) unless it
    /// needs a lookaround, which only the backtracking engine has.
    /// </summary>
    private static Regex Rx(string pattern, RegexOptions options, TimeSpan timeout) =>
        pattern.Contains("(?=", StringComparison.Ordinal) || pattern.Contains("(?!", StringComparison.Ordinal) || pattern.Contains("(?<", StringComparison.Ordinal)
            ? new Regex(pattern, options, timeout)
            : new Regex(pattern, options | RegexOptions.NonBacktracking, timeout);

    /// <summary>Up to a few words, inside one sentence.</summary>
    private const string G = @"[^.!?\n]{0,40}?";
    private const string Wide = @"[^.!?\n]{0,80}?";

    private const string Ask = @"(?:send|sen|snd|give|tell|read|forward|share|text|pass|screenshot|screen\s?shot|confirm|provide|need|want|require|let\s+me\s+(?:have|know)|what(?:'s|s|\s+is|\s+was)|whats|type|enter|put|drop|message|email|upload|snap|photo|pic|picture|copy|scan|verify|reply\s+with)";

    private const string Apps =
        @"(?:whats\s?app|whatsap+|wh?ats?ap+|watts?\s?app|wats\s?ap+|w\s?/\s?app|w\.?app|wassap+|telegram|tele\s?gram|telegrm|kik|viber|wechat|we\s?chat|line\s+app)";
    private const string SoftApps = @"(?:signal|snap\s?chat|snap|insta(?:gram)?|ig|facebook|fb|messenger|discord|skype|imo|tiktok|twitter|x\.com)";

    /// <summary>Telling someone a code that was sent to them: "I sent you a code", "it texted your phone a PIN".</summary>
    private const string CodeSent =
        @"(?:(?:sent|send|texted|text|sms'?d|messaged|emailed|will\s+(?:text|send|email)|(?:going\s+to|gonna)\s+(?:text|send))\s+(?:to\s+)?(?:you|u)(?:r\s+(?:phone|mobile|number|email))?\s+(?:a|an|the)?\s*(?:[a-z]+\s+)?(?:code|pin|otp|passcode)" +
        @"|(?:sent|send|texted|will\s+(?:text|send))\s+(?:a|an|the)?\s*(?:[a-z]+\s+)?(?:code|pin|otp|passcode)\s+(?:by\s+(?:text|sms)\s+)?to\s+(?:you|u|your)" +
        @"|(?:code|pin|otp)\s+(?:is\s+|will\s+be\s+)?(?:coming|going|on\s+its\s+way)\s+to\s+(?:you|u|your)" +
        @"|(?:you'?ll|you\s+will|you\s+should|you'?re\s+going\s+to|u\s+will)\s+(?:get|receive)\s+(?:a|an|the)\s+(?:[a-z]+\s+)?(?:code|pin|otp))";

    /// <summary>Asking for that code back: "send it to me", "tell me what it says".</summary>
    private const string AskBack =
        @"(?:send|sen|snd|give|forward|pass|text|read|screenshot|share)\s+(?:it|that|the\s+code|them|this|the\s+number|me\s+(?:it|the\s+code|that))|tell\s+me\s+(?:what|the|it)|what\s+(?:it|the\s+code)\s+(?:says|is)|what\s+does\s+(?:it|the\s+code)\s+say|let\s+me\s+know\s+(?:what|the\s+code)";

    /// <summary>Releasing a payment, which only the platform does: a message that asks for it through an email or a link is a fake notice.</summary>
    private const string Release = @"\b(?:release|unlock|accept|approve|claim)\s+(?:the\s+|your\s+|my\s+)?(?:funds|payment|money|transfer|it)\b";

    private const string Insurance = @"\b(?:delivery|shipping|courier|postage|transit|parcel)\s+insurance\b";

    // A payment as something the seller has to act on: provide tracking, confirm dispatch, upload a receipt.
    private const string SellerActs = @"\b(?:once|when|after|as\s+soon\s+as|until|till|unless)\s+(?:you|u)\s+(?:have\s+|'ve\s+)?(?:provide|send|sent|upload|give|enter|post|ship|confirm|dispatch|show|share)\w*\b";

    /// <summary>
    /// Rules whose words are also how people describe the platform's own checkout ("the money shows
    /// once you confirm dispatch on the app", "I'll pay the delivery charge at checkout"): a match in a
    /// sentence that places it on the platform does not count.
    /// </summary>
    private static readonly (string Type, Regex Pattern)[] PlatformRules =
    [
        (SignalTypes.FakePaymentNotice, Rx(@"\b(?:confirm|click|accept|release|approve|open|follow|use|tap)\b" + Wide + @"\b(?:link|e-?mail|message)\s+(?:that\s+)?(?:paypal|the\s+bank|sofalistic|repurch|they|it|we|i|the\s+site)\s+(?:just\s+|have\s+|has\s+)?(?:emailed|sent|texted|messaged)(?:\s+to)?\s+(?:you|u)\b", Options, Timeout)),
        (SignalTypes.FakePaymentNotice, Rx(@"\b(?:escrow|payment|shipping|secure)\s+(?:service|company|agent|agency)\s+(?:i|we)\s+(?:always\s+|usually\s+|normally\s+)?use\b|\b(?:my|our|third[\s-]party|independent|an)\s+escrow\b", Options, Timeout)),
        (SignalTypes.FakePaymentNotice, Rx(@"\bmark(?:ed)?\s+(?:it|the\s+item|the\s+order)?\s*(?:as\s+)?(?:shipped|sent|dispatched|posted|delivered)\b" + G + @"\bto\s+(?:release|get|receive|unlock|claim)\b", Options, Timeout)),
        (SignalTypes.CourierFee, Rx(@"\b(?:send|pay|transfer)\b" + G + @"(?:£|\$|€)\s?\d+" + Wide + @"\bi'?ll\s+(?:refund|reimburse|pay\s+(?:you\s+)?back|add\s+it|return\s+it|give\s+it\s+back)\b", Options, Timeout)),
        (SignalTypes.Deposit, Rx(@"\b(?:need|want|require|ask\s+for|asking\s+for|take)\s+(?:a\s+|an\s+)?(?:small\s+|refundable\s+|little\s+)?(?:deposit|holding\s+fee|reservation\s+fee|booking\s+fee)\b", Options, Timeout)),
        (SignalTypes.BankTransfer, Rx(@"\b(?:do|make|arrange)\s+(?:a|the)\s+(?:bank\s+|direct\s+)?transfer\b|\b(?:pay|payment|paying)\s+(?:by|via|through|with)\s+bank(?:\s+(?:only|transfer|account|details|instead|please|direct)\b|\s*[.,!?;)]|\s*$)|\b(?:take|accept|pay\s+(?:by|with|via)|send(?:\s+you)?|write(?:\s+you)?|post(?:\s+you)?)\s+(?:a\s+)?cheque\b", Options, Timeout)),
        (SignalTypes.OneTimeCode, Rx(@"\b" + Ask + @"\b" + Wide + @"\b(?:code|pin|number|digits)\s+(?:in|from|on)\s+(?:the|your|that|this)\s+(?:sms|text|message|email)\b|\b" + Ask + @"\b" + Wide + @"\b(?:code|pin|digits)\b" + G + @"\b(?:you|u)\s+(?:just\s+)?(?:got|received|get|receive)\b", Options, Timeout)),
        (SignalTypes.FakePaymentNotice, Rx(@"\b(?:funds?|payment|money|transfer|e-?mail|notification)\b" + Wide + SellerActs + G + @"\b(?:tracking|shipping|postage|dispatch|proof|receipt|number|details)", Options, Timeout)),
        (SignalTypes.FakePaymentNotice, Rx(@"\bupgrade\b" + G + @"\b(?:account|paypal|membership|seller|business|merchant|premium)\b" + Wide + @"\b(?:receive|release|accept|claim|get)\b" + G + @"\b(?:payment|money|funds|it)\b|\b(?:receive|release|accept|claim|get)\s+(?:the\s+|my\s+|your\s+)?(?:payment|money|funds)\b" + Wide + @"\bupgrade\b", Options, Timeout)),
        (SignalTypes.FakePaymentNotice, Rx(@"\b(?:link|button)\b" + Wide + @"\bto\s+(?:receive|get|claim|accept|release)\s+(?:the\s+|your\s+|my\s+)?(?:money|payment|funds|cash)\b|\bpayment\s+link\b" + Wide + @"\b(?:click|tap|open|follow)\b|\b(?:click|tap|open|follow)\b" + Wide + @"\bpayment\s+link\b", Options, Timeout)),
        (SignalTypes.FakePaymentNotice, Rx(@"\b(?:takes?|can\s+take|will\s+take|up\s+to)\b" + G + @"\b(?:\d+|a\s+few|a\s+couple\s+of)\s*(?:h|hrs?|hours?|days?|working\s+days?)\b" + G + @"\bto\s+(?:show|clear|appear|reflect|come\s+through|go\s+through|arrive|process)\b" + Wide + @"\b(?:send|post|ship|dispatch|release)\b", Options, Timeout)),
        (SignalTypes.Overpayment, Rx(@"\b(?:pay|paying|send|sending|transfer|transferring)\b" + G + @"\b(?:more\s+than|extra|over)\b" + Wide + @"\b(?:so\s+(?:that\s+)?you\s+can|and\s+you\s+can|for\s+you\s+to|to\s+cover)\b" + G + @"\b(?:pay|give|send|forward|hand)\b", Options, Timeout)),
        (SignalTypes.CourierFee, Rx(@"\b(?:you|u)\s+(?:will\s+)?(?:just\s+)?(?:need\s+to|have\s+to|must|should|can)\s+(?:pay|cover|send|transfer)\b" + G + @"\b(?:fee|fees|charge|charges|cost|costs|insurance)\b|\b(?:fee|fees|charge|charges|costs?|insurance)\b" + Wide + @"\b(?:reimburse|refund\s+(?:you|it)|refunded|pay\s+you\s+back|add\s+it\s+to\s+(?:my|the)\s+payment)\b", Options, Timeout)),
        (SignalTypes.Deposit, Rx(@"\b(?:send|pay|transfer|need|want|give|sending|paying|transferring)\b" + G + @"(?:(?:£|\$|€)\s?\d+|\b(?:\d+\s?(?:quid|pounds)|half|something|a\s+bit|part))\b" + G + @"\b(?:to\s+(?:hold|reserve|secure|keep|save)|(?:and|then)\s+i'?ll\s+(?:hold|reserve|keep|save|take\s+(?:it|the\s+ad|the\s+listing)\s+(?:down|off))|i'?ll\s+(?:keep|hold|save|reserve)\s+it)\b", Options, Timeout)),
        (SignalTypes.PayDirectly, Rx(@"\b(?:paypal|pp|venmo|revolut|monzo|zelle)\s+(?:you|u|it\s+to\s+you|the\s+money)\b|\b(?:your|ur|my)\s+paypal\s+(?:email|e-mail|address|account|details|id|username|name)\b", Options, Timeout)),
        (SignalTypes.CashOffPlatform, Rx(@"\bpay\s+(?:you\s+)?(?:in\s+person|face\s+to\s+face|on\s+(?:the\s+)?(?:day|collection|pickup|pick-up|delivery)|when\s+i\s+(?:collect|pick|come|get\s+there|arrive)|at\s+(?:the\s+)?door)\b|\b(?:give|hand|bring)\s+(?:you\s+)?(?:the\s+)?(?:money|cash|payment)\s+(?:in\s+person|when|on\s+(?:the\s+)?(?:day|collection|pickup)|at)\b", Options, Timeout)),
        (SignalTypes.BankTransfer, Rx(@"\b(?:send|give|text|what'?s|whats|tell|need)\s+(?:me\s+)?(?:your|ur)\s+(?:bank\s+)?(?:account|acc|acct|bank|sort\s+code)\s+(?:details|number|no|num|info)\b", Options, Timeout)),
    ];

    private static readonly (string Type, Regex Pattern)[] Rules =
    [
        // contact details
        (SignalTypes.MessagingApp, Rx(@"\b" + Apps + @"\b", Options, Timeout)),
        (SignalTypes.MessagingApp, Rx(@"\b(?:add|message|msg|dm|pm|text|contact|reach|find|search|look\s+(?:me\s+)?up|send|hit|ping|chat|talk|speak|catch|follow|hmu|inbox|get\s+(?:me|hold\s+of\s+me))\b" + G + @"\b(?:on|via|over|through|thru|at|in)\s+(?:my\s+)?" + SoftApps + @"\b", Options, Timeout)),
        (SignalTypes.MessagingApp, Rx(@"\b(?:my|on\s+my)\s+" + SoftApps + @"\s*(?:is|handle|username|user|name|id|account|:|@|-)", Options, Timeout)),
        (SignalTypes.MessagingApp, Rx(@"\b(?:on|via|add\s+me\s+on)\s+signal\b|\bsignal\s+(?:me|app|number|handle)\b|\b" + SoftApps + @"\s+me\b|\b" + SoftApps + @"\s*[:\-]?\s*@[a-z0-9_.]{3,}", Options, Timeout)),
        (SignalTypes.MessagingApp, Rx(@"\b(?:on|via)\s+(?:my\s+)?" + SoftApps + @"\s+(?:as|under|at|:)\s*@?[a-z0-9_.]{3,}", Options, Timeout)),
        (SignalTypes.MessagingApp, Rx(@"\b(?:dm|pm|direct\s+message|inbox)\s+(?:me|us)\b(?!\s+(?:here|on\s+here|through|on\s+the\s+(?:site|app)))", Options, Timeout)),
        (SignalTypes.ContactRequest, Rx(@"\b(?:send|give|text|drop|share|pass|leave|post|dm|what(?:'s|s|\s+is))\s+(?:me\s+)?(?:your|ur|yr)\s+(?:mobile|mob|phone|number|no\.?|digits|email|e-mail|contact|whatsapp|deets|details\s+so)\b", Options, Timeout)),
        (SignalTypes.ContactRequest, Rx(@"\b(?:call|ring|text|phone|bell|buzz)\s+(?:me|us)\s+(?:on|at)\s+(?=\S*\d)", Options, Timeout)),

        // off-platform payment
        (SignalTypes.BankTransfer, Rx(@"\b(?:bank\s+transfer|bank\s+xfer|bacs|chaps|faster\s+payments?|direct\s+(?:bank\s+)?transfer|wire\s+transfer|western\s+union|moneygram|remitly|world\s?remit|pay\s+by\s+bank|iban|swift\s+code|bic\s+code|monzo\.me|revolut|monzo|wise\s+transfer|transferwise|zelle|cash\s?app|venmo|interac|skrill|payoneer|neteller|paysend|alipay|wechat\s+pay|perfect\s+money|xoom|ria\s+money|apple\s+cash)\b|\b(?:via|by|on|with|through|using|over)\s+wise\b", Options, Timeout)),
        (SignalTypes.BankTransfer, Rx(@"\b(?:pay|send|transfer|wire|put|move|deposit)\b" + G + @"\b(?:into|to|in)\s+(?:my|our|the\s+seller'?s?|his|her)\s+(?:[a-z]+'s\s+)?(?:bank|account|acc|acct|a/c|current\s+account)\b", Options, Timeout)),
        (SignalTypes.BankTransfer, Rx(@"\b(?:my|our)\s+(?:bank|account|acc|acct)\s+(?:details|info|number|no)\b", Options, Timeout)),
        (SignalTypes.BankDetails, Rx(@"\bsort\s?-?code\b|\b(?:account|acc|acct|a/c)\s*(?:no|number|num|#)?\.?\s*[:\-]?\s*\d{8}\b|\bs/c\b", Options, Timeout)),
        (SignalTypes.PayPalFriends, Rx(@"\b(?:friends?\s*(?:and|&|n|\+)\s*family|f\s*&\s*f|fnf|f\s+n\s+f|f\s+and\s+f|f&f)\b|\b(?:paypal|pp)\s*(?:gift|personal|family|friends)\b|\b(?:as\s+a\s+)?gift\s+(?:payment|option)\b|\b(?:send|pay)\b" + G + @"\bas\s+(?:a\s+)?(?:gift|friend|family)\b|\bpaypal\.me\b|\bpaypal\s+me\b|\bgoods\s+(?:and|&)\s+services\b" + G + @"\b(?:not|no|don'?t|avoid|without|skip)\b|\b(?:not|no|don'?t|avoid|without|skip)\b" + G + @"\bgoods\s+(?:and|&)\s+services\b", Options, Timeout)),
        (SignalTypes.Crypto, Rx(@"\b(?:bitcoin|btc|ethereum|eth|usdt|tether|crypto|cryptocurrency|litecoin|ltc|dogecoin|doge|binance|coinbase|usdc|xrp|ripple|solana|monero|trc20|erc20|bnb|wallet\s+address|crypto\s+wallet|blockchain)\b", Options, Timeout)),
        (SignalTypes.GiftCard, Rx(@"\b(?:itunes|apple\s+(?:gift\s+)?card|google\s+play\s+(?:card|voucher|code|gift)s?|steam\s+(?:card|voucher|wallet|gift)s?|amazon\s+(?:gift\s+)?(?:card|voucher|code)s?|paysafe\s?cards?|ukash|neosurf|vanilla\s+(?:card|visa)s?|razer\s+gold|ebay\s+gift\s+cards?)\b|\b(?:pay|payment|paying|send|buy|get)\b" + G + @"\bgift\s?cards?\b|\bgift\s?cards?\b" + G + @"\b(?:pay|payment|code|codes|instead|as\s+payment)\b", Options, Timeout)),
        (SignalTypes.CashOffPlatform, Rx(@"\b(?:skip|avoid|save|dodge|bypass|cut\s+out|get\s+around|go\s+around|around|without|no|beat|save\s+on|save\s+us|save\s+you|not\s+pay)\b" + G + @"\b(?:the\s+)?(?:fees?|commission|charges?|service\s+charge|middle\s?man|checkout|platform|site'?s?\s+cut|their\s+cut|escrow)\b", Options, Timeout)),
        (SignalTypes.CashOffPlatform, Rx(@"\bcash\s+(?:only|in\s+hand|instead|payment|deal|on\s+(?:the\s+)?(?:day|collection|pickup|delivery))\b|\b(?:pay|paying|payment)\s+(?:in\s+)?cash\b|\bcash\b" + G + @"\b(?:not|instead\s+of|rather\s+than|than)\s+(?:through|via|on)\s+(?:the\s+)?(?:site|app|platform|here)\b", Options, Timeout)),
        (SignalTypes.PayDirectly, Rx(@"\b(?:pay|paying|payment|paypal|pp|transfer|send\s+(?:you\s+)?(?:the\s+)?(?:money|cash|payment)|deal|sort\s+(?:it|payment|the\s+money|the\s+cash|the\s+payment)|trade|transact|buy|sell)\b" + G + @"\b(?:directly|direct|privately|in\s+private|off\s+(?:the\s+)?(?:site|app|platform|here)|outside\s+(?:of\s+)?(?:the\s+)?(?:site|app|platform|here|repurch|sofalistic)|away\s+from\s+(?:the\s+)?(?:site|app|platform|here)|between\s+(?:us|ourselves|you\s+and\s+me))\b", Options, Timeout)),
        (SignalTypes.PayDirectly, Rx(@"\b(?:off|outside(?:\s+of)?)\s+(?:the\s+)?(?:site|app|platform|repurch|sofalistic)\b|\b(?:cheaper|less|discount)\b" + G + @"\b(?:if|when)\b" + G + @"\b(?:direct|directly|outside|off\s+(?:the\s+)?(?:site|app)|cash|bank)\b", Options, Timeout)),

        // payment scams
        (SignalTypes.FakePaymentNotice, Rx(@"\b(?:i'?ve|i\s+have|i|we'?ve|we\s+have|already|just|have)\s+(?:already\s+|just\s+)?(?:paid|sent\s+(?:the\s+|you\s+)?(?:money|payment|funds|cash)|made\s+(?:the\s+)?payment|transferred|completed\s+(?:the\s+)?payment)\b" + Wide + @"\b(?:check|see|look\s+at|confirm|open|view)\s+(?:your|ur|the)?\s*(?:[a-z]+\s+)?(?:e-?mails?|mail|inbox|spam|junk|paypal|account|notification)", Options, Timeout)),
        (SignalTypes.FakePaymentNotice, Rx(@"\b(?:payment|paypal|transfer|bank|funds?)\s+(?:confirmation|receipt|notification|notice)\b" + Wide + @"\b(?:e-?mail|inbox|spam|sent\s+you|check)\b|\b(?:check|see|look\s+(?:at|in))\s+(?:your|ur)\s+(?:e-?mail|mail|inbox|spam|junk)\b" + Wide + @"\b(?:paypal|payment|paid|funds|money|confirmation)\b", Options, Timeout)),
        (SignalTypes.FakePaymentNotice, Rx(@"\b(?:funds?|payment|money)\b" + G + @"\b(?:on\s+hold|pending|held|locked|released?)\b" + Wide + @"\b(?:until|till|once|after|when)\b" + G + @"\b(?:tracking|shipping|dispatch|proof\s+of\s+postage|send\s+(?:the|a|me))", Options, Timeout)),
        (SignalTypes.Overpayment, Rx(@"\b(?:over\s?paid|over\s?payment|overpay|paid\s+(?:you\s+)?(?:too\s+much|extra|more\s+than)|sent\s+(?:you\s+)?(?:too\s+much|extra|more\s+than)|by\s+mistake\s+(?:paid|sent)|(?:paid|sent)\b" + G + @"\bby\s+mistake|accidentally\s+(?:paid|sent))\b", Options, Timeout)),
        (SignalTypes.Overpayment, Rx(@"\b(?:refund|send\s+back|return|pay\s+back|give\s+back|transfer|wire|send|forward)\b" + G + @"\b(?:the\s+)?(?:difference|extra|excess|balance|remainder|remaining|rest\s+of\s+the\s+money|overpayment|leftover)\b", Options, Timeout)),
        (SignalTypes.CourierFee, Rx(@"\b(?:courier|parcel\s?force|dhl|fedex|ups|dpd|evri|hermes|yodel|royal\s+mail|shipping\s+(?:agent|company|firm)|delivery\s+(?:agent|company|firm)|removal\s+(?:company|firm)|transport\s+(?:company|agent)|my\s+agent|the\s+agent|logistics|shipper|haulier|freight|movers?|man\s+with\s+a\s+van)\b" + Wide + @"\b(?:fee|fees|insurance|clearance|customs|charge|charges|deposit|pay|paid|payment|cost)\b" + Wide + @"\b(?:you|upfront|up\s+front|first|before|refund|refunded|reimburse|add\s+it|include|send)\b", Options, Timeout)),
        (SignalTypes.CourierFee, Rx(@"\b(?:insurance|clearance|customs|release|transfer|activation|handling|shipping\s+insurance|transit|verification|unlock|unlocking|security|registration|upgrade)\s+(?:fee|fees|charge|cost|payment)\b", Options, Timeout)),
        (SignalTypes.Deposit, Rx(@"\b(?:send|pay|transfer|put\s+down|leave|make)\b" + G + @"\b(?:deposit|holding\s+fee|reservation\s+fee|booking\s+fee|down\s?payment)\b|\b(?:deposit|holding\s+fee|reservation\s+fee)\b" + G + @"\b(?:to\s+(?:hold|reserve|secure|keep)|and\s+i'?ll\s+(?:hold|reserve|keep)|first|upfront|before)\b", Options, Timeout)),

        (SignalTypes.FakePaymentNotice, Rx(@"\b(?:e-?mail|notification|notice|link)\b" + Wide + Release + "|" + Release + Wide + @"\b(?:e-?mail|notification|link)\b", Options, Timeout)),
        (SignalTypes.FakePaymentNotice, Rx(@"\b(?:funds?|payment|money)\b" + G + @"\b(?:on\s+hold|pending|held|locked)\b" + Wide + @"\b(?:until|till|once|after|when)\s+(?:you|u)\b" + G + @"\b(?:upload|send|provide|ship|post|dispatch|give|show)", Options, Timeout)),
        (SignalTypes.FakePaymentNotice, Rx(@"\b(?:transfer|payment|paid|money|funds)\b" + Wide + @"\b(?:takes?|can\s+take|will\s+take|up\s+to)\b" + G + @"\bto\s+(?:show|clear|appear|reflect|come\s+through|go\s+through|arrive)\b" + Wide + @"\b(?:send|post|ship|dispatch|release)\b", Options, Timeout)),
        (SignalTypes.Overpayment, Rx(@"\b(?:cheque|check|money\s+order|postal\s+order|payment|transfer)\s+(?:for|of)\s+(?:more|extra)\s+than\b|\b(?:give|pay|send|hand|transfer|refund)\s+the\s+(?:rest|extra|difference|excess)\s+(?:to|back)\b", Options, Timeout)),
        (SignalTypes.Deposit, Rx(@"\b(?:send|pay|transfer)\s+(?:me\s+)?(?:£|\$|€)\s?\d+\b" + G + @"\b(?:to\s+(?:hold|reserve|secure|keep|save)|and\s+i'?ll\s+(?:hold|reserve|keep|save|take\s+(?:it|the\s+ad|the\s+listing)\s+(?:down|off)))\b", Options, Timeout)),
        (SignalTypes.CourierFee, Rx(Insurance + Wide + @"\bpay\b|\bpay\b" + Wide + Insurance, Options, Timeout)),

        // leaving the platform's order for cash or a transfer
        (SignalTypes.PayDirectly, Rx(@"\bcancel\b" + G + @"\b(?:order|purchase|listing|transaction|sale|checkout|it)\b" + Wide + @"\b(?:cash|bank|transfer|directly|direct|pay\s+(?:you|me)|paypal|in\s+person)\b", Options, Timeout)),
        (SignalTypes.BankTransfer, Rx(@"\b(?:pay|send|transfer|sending|paying)\b" + G + @"\b(?:via|by|through|using|with|on|from)\s+(?:my\s+|your\s+)?(?:online\s+banking|banking\s+app|bank\s+app|bank\s+to\s+bank)\b|\bstraight\s+(?:in)?to\s+(?:my|your|the)\s+(?:bank|account)\b", Options, Timeout)),

        // credential requests
        (SignalTypes.OneTimeCode, Rx(@"\b" + CodeSent + @"\b[^\n]{0,120}?\b(?:" + AskBack + @")\b", Options, Timeout)),
        (SignalTypes.OneTimeCode, Rx(@"\b(?:otp|one[\s-]?time\s+(?:pass)?(?:code|password|pin)|verification\s+(?:code|number|pin|text|sms)|(?:sms|text)\s+code|verify\s+code|security\s+code|confirmation\s+code|auth(?:entication|orisation|orization)?\s+code|access\s+code|login\s+code|authenticator(?:\s+app)?|auth\s+app|2fa|two[\s-]factor|\d[\s-]?digit(?:s)?\s+(?:code|number|pin)|(?:four|five|six|eight)[\s-]digit|pin(?:\s+code|\s+number)?)\b" + Wide + @"\b(?:send|sen|snd|give|tell|read|forward|share|text|pass|screenshot|confirm|provide|need|want|require|let\s+me|reply|type)\b|\b" + Ask + @"\b" + Wide + @"\b(?:otp|authenticator(?:\s+app)?|auth\s+app|one[\s-]?time\s+(?:pass)?(?:code|password|pin)|verification\s+(?:code|number|pin)|(?:sms|text)\s+code|security\s+code|confirmation\s+code|auth(?:entication|orisation)?\s+code|2fa|\d[\s-]?digit(?:s)?\s+(?:code|number|pin)|(?:four|five|six|eight)[\s-]digit|pin)\b", Options, Timeout)),
        (SignalTypes.OneTimeCode, Rx(@"\bcode\b" + G + @"\b(?:you|u)\s+(?:just\s+|will\s+|should\s+|'?ll\s+)?(?:got|get|received|receive|have\s+(?:got|received))\b|\bcode\b" + G + @"\b(?:sent|sends|texted|texts|messaged|emailed|gives|will\s+(?:send|text|give))\s+(?:to\s+)?(?:you|u|your\s+(?:phone|mobile|number|email))\b|\b(?:text|sms|message)\s+(?:you|u)\s+(?:just\s+)?(?:got|received)\b", Options, Timeout)),
        (SignalTypes.BankLogin, Rx(@"\b(?:online\s+banking|banking\s+app|bank(?:ing)?|paypal|account|apple\s+id|email|ebay)\s+(?:login|log-?in|log\s+in|password|passcode|username|user\s?name|credentials|sign[\s-]?in|memorable\s+(?:word|info|information))\b(?!\s+(?:reset|change|changed|expired|recovery))|\b(?:email|e-mail|username|user\s?name|login|phone\s+number)\s+(?:and|&|\+|n)\s+(?:your\s+|ur\s+)?(?:password|passcode|pin)\b|\b(?:screenshot|screen\s?shot|photo|picture|pic)\s+of\s+(?:your|ur)\s+(?:online\s+)?(?:bank|banking|paypal|account|card)\b|\b(?:your|ur)\s+(?:[a-z]+\s+)?(?:password|passcode|memorable\s+(?:word|info|information)|login\s+details|log\s?in|username\s+and\s+password)\b|\blog\s?(?:in|on)(?:\s?to)?\s+(?:your|ur)\s+(?:online\s+)?(?:bank|banking|paypal)\b|\bshare\s+(?:your|ur|the)\s+screen\b|\bscreen\s?-?shar(?:e|ing)\b|\b(?:anydesk|teamviewer|team\s+viewer|quick\s?support|remote\s+(?:access|desktop|control))\b", Options, Timeout)),
        (SignalTypes.CardNumber, Rx(@"\b(?:card\s+(?:number|details|no|num|info)|long\s+(?:number|digits)\s+on|cvv|cvc|cv2|csc|security\s+(?:number|digits)\s+on|(?:three|3)\s+digits\s+on\s+the\s+back|(?:front|back|both\s+sides)\s+(?:and\s+(?:the\s+)?(?:front|back)\s+)?of\s+(?:your|ur|the)\s+(?:bank\s+|debit\s+|credit\s+|payment\s+)?card|(?:photo|pic|picture|scan|copy|image)\s+of\s+(?:your|ur)\s+(?:bank\s+|debit\s+|credit\s+)?card|card'?s\s+(?:number|digits|details|(?:16|sixteen|long)\s+(?:digits|numbers?))|(?:16|sixteen)\s+digits|(?:three|3)\s+(?:digits\s+|numbers\s+)?on\s+(?:the\s+)?back|expiry\s+(?:date)?\b" + G + @"\bcard|card\b" + G + @"\bexpiry|sort\s+code\s+and\s+(?:your\s+)?card|full\s+card)\b", Options, Timeout)),
        (SignalTypes.IdentityDocument, Rx(@"\b(?:passport|driving\s+licen[cs]e|drivers?'?\s+licen[cs]e|driver'?s\s+licen[cs]e|licen[cs]e\s+(?:photo|pic|picture|scan)|id\s+card|photo\s+id|proof\s+of\s+(?:id|identity|address)|national\s+insurance|ni\s+number|utility\s+bill|bank\s+statement|selfie\s+(?:with|holding)|your\s+(?:id|identification)|id\s+(?:photo|pic|picture|scan|documents?|docs?))\b" + Wide + @"\b(?:send|photo|picture|pic|scan|copy|upload|need|require|provide|verify|share|show|see|snap|image|forward|email)\b|\b(?:send|photo|picture|pic|scan|copy|upload|need|require|provide|give\s+me|tell\s+me|confirm|verify|share|show|snap|image|forward|email)\b" + Wide + @"\b(?:passport|date\s+of\s+birth|dob|mother'?s\s+maiden\s+name|id\s+(?:photo|pic|picture|scan|documents?)|driving\s+licen[cs]e|drivers?'?\s+licen[cs]e|id\s+card|photo\s+id|proof\s+of\s+(?:id|identity)|national\s+insurance|ni\s+number|selfie\s+(?:with|holding)|(?:your|ur)\s+(?:id|identification))\b", Options, Timeout)),
    ];

    // Someone else's request reported as a warning ("someone messaged me asking for a code, I've reported them").
    private static readonly Regex Reporting = Rx(@"\b(?:asking|asked|ask|told|telling|wanted|wants|tried\s+to\s+get|trying\s+to\s+get)\s+(?:me\s+|us\s+|people\s+|buyers\s+|sellers\s+|you\s+)?(?:to|for)\b", Options, Timeout);
    private static readonly Regex Warning = Rx(@"\b(?:reported|report\s+(?:it|them|him|her|this)|dodgy|scammers?|fake\s+(?:listings?|messages?|accounts?|buyers?|sellers?|sites?)|beware|careful|be\s+aware|phishing)\b", Options, Timeout);

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "never", "not", "no", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "won't", "wont", "wouldn't", "shouldn't", "can't", "cant", "cannot", "nobody", "refuse", "without",
    };

    /// <summary>How many matches of one rule are looked at before giving up (hostile texts repeat a phrase thousands of times).</summary>
    private const int MaxTries = 4;

    private static readonly Regex OnPlatform = Rx(@"(?<!\b(?:than|of|not|outside|avoid|skip|without|bypass|around)\s+)\b(?:on|through|thru|via|in|at|using|with)\s+(?:the\s+)?(?:site|app|checkout|platform|website|sofalistic|repurch|here)\b", Options, Timeout);

    // Paying someone else directly (the movers, the driver) is not paying the other party off the platform.
    private static readonly Regex ThirdParty = Rx(@"^\S+\s+(?:them|him|her|the\s+(?:movers?|driver|courier|van|firm))\b", Options, Timeout);

    public static void Detect(NormalisedText t, List<Finding> found)
    {
        bool? warned = null;
        foreach (var (type, pattern) in Rules) Match(t.Leet, type, pattern, false, ref warned, found);
        foreach (var (type, pattern) in PlatformRules) Match(t.Leet, type, pattern, true, ref warned, found);
    }

    private static void Match(string s, string type, Regex pattern, bool platformExcuses, ref bool? warned, List<Finding> found)
    {
        try
        {
            var m = pattern.Match(s);
            for (var tries = 0; m.Success && tries < MaxTries; tries++, m = m.NextMatch())
            {
                if (Negated(s, m.Index)) continue;
                if (Reported(s, m.Index, ref warned)) continue;
                if (platformExcuses && OnPlatform.IsMatch(Clause(s, m.Index, m.Index + m.Length))) continue;
                if (type == SignalTypes.PayDirectly && ThirdParty.IsMatch(m.ValueSpan)) continue;
                found.Add(new(type, m.Index, m.Index + m.Length));
                return;
            }
        }
        catch (RegexMatchTimeoutException)
        {
        }
    }

    /// <summary>The clause around [start, end): back and forward to punctuation or a line break.</summary>
    private static ReadOnlySpan<char> Clause(string s, int start, int end)
    {
        var from = start;
        while (from > 0 && start - from < 200 && s[from - 1] is not ('.' or '!' or '?' or '\n' or ',' or ';')) from--;
        var to = end;
        while (to < s.Length && to - end < 200 && s[to] is not ('.' or '!' or '?' or '\n' or ',' or ';')) to++;
        return s.AsSpan(from, to - from);
    }

    /// <summary>"never pay by bank transfer", "I don't do WhatsApp": a negation among the three words before, inside the clause.</summary>
    private static bool Negated(string s, int start)
    {
        var words = 0;
        var i = start - 1;
        while (i >= 0 && words < 3)
        {
            while (i >= 0 && s[i] == ' ') i--;
            if (i < 0 || s[i] is '.' or '!' or '?' or ',' or ';' or ':' or '\n') return false;
            var end = i + 1;
            while (i >= 0 && (char.IsAsciiLetter(s[i]) || s[i] == '\'')) i--;
            if (end == i + 1) return false;
            if (Negations.Contains(s[(i + 1)..end])) return true;
            words++;
        }
        return false;
    }

    /// <summary>The sentence so far reports what someone else asked for, and the message warns about it.</summary>
    private static bool Reported(string s, int start, ref bool? warned)
    {
        var from = start;
        while (from > 0 && start - from < 200 && s[from - 1] is not ('.' or '!' or '?' or '\n')) from--;
        if (!Reporting.IsMatch(s.AsSpan(from, start - from))) return false;
        warned ??= Warning.IsMatch(s);
        return warned.Value;
    }
}
