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
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>Up to a few words, inside one sentence.</summary>
    private const string G = @"[^.!?\n]{0,40}?";
    private const string Wide = @"[^.!?\n]{0,80}?";

    private const string Ask = @"(?:send|sen|give|tell|read|forward|share|text|pass|screenshot|screen\s?shot|confirm|provide|need|want|let\s+me\s+(?:have|know)|what(?:'s|s|\s+is|\s+was)|whats|type|enter|put|drop|message|email|upload|snap|photo|pic|picture|copy|scan|verify|reply\s+with)";

    private const string Apps =
        @"(?:whats\s?app|whatsap+|wh?ats?ap+|watts?\s?app|wats\s?ap+|w\s?/\s?app|w\.?app|wassap+|telegram|tele\s?gram|telegrm|kik|viber|wechat|we\s?chat|line\s+app)";
    private const string SoftApps = @"(?:signal|snap\s?chat|snap|insta(?:gram)?|ig|facebook|fb|messenger|discord|skype|imo|tiktok|twitter|x\.com)";

    private static readonly (string Type, Regex Pattern)[] Rules =
    [
        // contact details
        (SignalTypes.MessagingApp, new(@"\b" + Apps + @"\b", Options)),
        (SignalTypes.MessagingApp, new(@"\b(?:add|message|msg|dm|pm|text|contact|reach|find|hit|ping|chat|talk|speak|catch|follow|hmu|inbox|get\s+(?:me|hold\s+of\s+me))\b" + G + @"\b(?:on|via|over|through|thru|at|in)\s+(?:my\s+)?" + SoftApps + @"\b", Options)),
        (SignalTypes.MessagingApp, new(@"\b(?:my|on\s+my)\s+" + SoftApps + @"\s*(?:is|handle|username|user|name|id|account|:|@|-)", Options)),
        (SignalTypes.MessagingApp, new(@"\b(?:on|via|add\s+me\s+on)\s+signal\b|\bsignal\s+(?:me|app|number|handle)\b|\b" + SoftApps + @"\s+me\b|\b" + SoftApps + @"\s*[:\-]?\s*@[a-z0-9_.]{3,}", Options)),
        (SignalTypes.MessagingApp, new(@"\b(?:dm|pm|direct\s+message|inbox)\s+(?:me|us)\b(?!\s+(?:here|on\s+here|through|on\s+the\s+(?:site|app)))", Options)),
        (SignalTypes.ContactRequest, new(@"\b(?:send|give|text|drop|share|pass|leave|post|dm|what(?:'s|s|\s+is))\s+(?:me\s+)?(?:your|ur|yr)\s+(?:mobile|mob|phone|number|no\.?|digits|email|e-mail|contact|whatsapp|deets|details\s+so)\b", Options)),
        (SignalTypes.ContactRequest, new(@"\b(?:call|ring|text|phone|bell|buzz)\s+(?:me|us)\s+(?:on|at)\s+(?=\S*\d)", Options)),

        // off-platform payment
        (SignalTypes.BankTransfer, new(@"\b(?:bank\s+transfer|bank\s+xfer|bacs|chaps|faster\s+payments?|direct\s+(?:bank\s+)?transfer|wire\s+transfer|western\s+union|moneygram|remitly|world\s?remit|pay\s+by\s+bank|iban|swift\s+code|bic\s+code|monzo\.me|revolut|monzo|wise\s+transfer|transferwise|zelle|cash\s?app|venmo|interac)\b", Options)),
        (SignalTypes.BankTransfer, new(@"\b(?:pay|send|transfer|wire|put|move|deposit)\b" + G + @"\b(?:into|to|in)\s+(?:my|our|the\s+seller'?s?|his|her)\s+(?:bank|account|acc|acct|a/c|current\s+account)\b", Options)),
        (SignalTypes.BankTransfer, new(@"\b(?:my|our)\s+(?:bank|account|acc|acct)\s+(?:details|info|number|no)\b", Options)),
        (SignalTypes.BankDetails, new(@"\bsort\s?-?code\b|\b(?:account|acc|acct|a/c)\s*(?:no|number|num|#)?\.?\s*[:\-]?\s*\d{8}\b|\bs/c\b", Options)),
        (SignalTypes.PayPalFriends, new(@"\b(?:friends?\s*(?:and|&|n|\+)\s*family|f\s*&\s*f|fnf|f\s+n\s+f|f\s+and\s+f|f&f)\b|\b(?:paypal|pp)\s*(?:gift|personal|family|friends)\b|\b(?:as\s+a\s+)?gift\s+(?:payment|option)\b|\b(?:send|pay)\b" + G + @"\bas\s+(?:a\s+)?(?:gift|friend|family)\b|\bpaypal\.me\b|\bpaypal\s+me\b|\bgoods\s+(?:and|&)\s+services\b" + G + @"\b(?:not|no|don'?t|avoid|without|skip)\b|\b(?:not|no|don'?t|avoid|without|skip)\b" + G + @"\bgoods\s+(?:and|&)\s+services\b", Options)),
        (SignalTypes.Crypto, new(@"\b(?:bitcoin|btc|ethereum|eth|usdt|tether|crypto|cryptocurrency|litecoin|ltc|dogecoin|doge|binance|coinbase|usdc|xrp|ripple|solana|monero|trc20|erc20|bnb|wallet\s+address|crypto\s+wallet|blockchain)\b", Options)),
        (SignalTypes.GiftCard, new(@"\b(?:itunes|apple\s+(?:gift\s+)?card|google\s+play\s+(?:card|voucher|code|gift)|steam\s+(?:card|voucher|wallet|gift)|amazon\s+(?:gift\s+)?(?:card|voucher|code)s?|paysafe\s?card|ukash|neosurf|vanilla\s+(?:card|visa)|razer\s+gold|ebay\s+gift\s+card)\b|\b(?:pay|payment|paying|send|buy|get)\b" + G + @"\bgift\s?cards?\b|\bgift\s?cards?\b" + G + @"\b(?:pay|payment|code|codes|instead|as\s+payment)\b", Options)),
        (SignalTypes.CashOffPlatform, new(@"\b(?:skip|avoid|save|dodge|bypass|cut\s+out|get\s+around|go\s+around|around|without|no|beat|save\s+on|save\s+us|save\s+you|not\s+pay)\b" + G + @"\b(?:the\s+)?(?:fees?|commission|charges?|service\s+charge|middle\s?man|checkout|platform|site'?s?\s+cut|their\s+cut|escrow)\b", Options)),
        (SignalTypes.CashOffPlatform, new(@"\bcash\s+(?:only|in\s+hand|instead|payment|deal|on\s+(?:the\s+)?(?:day|collection|pickup|delivery))\b|\b(?:pay|paying|payment)\s+(?:in\s+)?cash\b|\bcash\b" + G + @"\b(?:not|instead\s+of|rather\s+than|than)\s+(?:through|via|on)\s+(?:the\s+)?(?:site|app|platform|here)\b", Options)),
        (SignalTypes.PayDirectly, new(@"\b(?:pay|paying|payment|deal|sort\s+(?:it|payment)|trade|transact|buy|sell)\b" + G + @"\b(?:directly|direct|privately|in\s+private|off\s+(?:the\s+)?(?:site|app|platform|here)|outside\s+(?:of\s+)?(?:the\s+)?(?:site|app|platform|here|repurch|sofalistic)|away\s+from\s+(?:the\s+)?(?:site|app|platform|here))\b", Options)),
        (SignalTypes.PayDirectly, new(@"\b(?:off|outside(?:\s+of)?)\s+(?:the\s+)?(?:site|app|platform|repurch|sofalistic)\b|\b(?:cheaper|less|discount)\b" + G + @"\b(?:if|when)\b" + G + @"\b(?:direct|directly|outside|off\s+(?:the\s+)?(?:site|app)|cash|bank)\b", Options)),

        // payment scams
        (SignalTypes.FakePaymentNotice, new(@"\b(?:i'?ve|i\s+have|i|we'?ve|we\s+have|already|just|have)\s+(?:already\s+|just\s+)?(?:paid|sent\s+(?:the\s+|you\s+)?(?:money|payment|funds|cash)|made\s+(?:the\s+)?payment|transferred|completed\s+(?:the\s+)?payment)\b" + Wide + @"\b(?:check|see|look\s+at|confirm|open|view)\s+(?:your|ur|the)?\s*(?:e-?mails?|inbox|spam|junk|paypal|account|notification)", Options)),
        (SignalTypes.FakePaymentNotice, new(@"\b(?:payment|paypal|transfer|bank|funds?)\s+(?:confirmation|receipt|notification|notice)\b" + Wide + @"\b(?:e-?mail|inbox|spam|sent\s+you|check)\b|\b(?:check|see)\s+(?:your|ur)\s+(?:e-?mail|inbox|spam)\b" + Wide + @"\b(?:paypal|payment|paid|funds|money|confirmation)\b", Options)),
        (SignalTypes.FakePaymentNotice, new(@"\b(?:funds?|payment|money)\b" + G + @"\b(?:on\s+hold|pending|held|locked|released?)\b" + Wide + @"\b(?:until|till|once|after|when)\b" + G + @"\b(?:tracking|shipping|dispatch|proof\s+of\s+postage|send\s+(?:the|a|me))", Options)),
        (SignalTypes.Overpayment, new(@"\b(?:over\s?paid|over\s?payment|overpay|paid\s+(?:you\s+)?(?:too\s+much|extra|more\s+than)|sent\s+(?:you\s+)?(?:too\s+much|extra|more\s+than)|by\s+mistake\s+(?:paid|sent)|(?:paid|sent)\b" + G + @"\bby\s+mistake|accidentally\s+(?:paid|sent))\b", Options)),
        (SignalTypes.Overpayment, new(@"\b(?:refund|send\s+back|return|pay\s+back|give\s+back|transfer\s+back|wire\s+back|send|forward)\b" + G + @"\b(?:the\s+)?(?:difference|extra|excess|balance|remainder|rest\s+of\s+the\s+money|overpayment)\b", Options)),
        (SignalTypes.CourierFee, new(@"\b(?:courier|shipping\s+(?:agent|company|firm)|delivery\s+(?:agent|company|firm)|removal\s+(?:company|firm)|transport\s+(?:company|agent)|my\s+agent|the\s+agent|logistics|shipper|haulier|freight|movers?|man\s+with\s+a\s+van)\b" + Wide + @"\b(?:fee|fees|insurance|clearance|customs|charge|charges|deposit|pay|paid|payment|cost)\b" + Wide + @"\b(?:you|upfront|up\s+front|first|before|refund|refunded|reimburse|add\s+it|include|send)\b", Options)),
        (SignalTypes.CourierFee, new(@"\b(?:insurance|clearance|customs|release|transfer|activation|handling|shipping\s+insurance|transit)\s+(?:fee|fees|charge|cost|payment)\b", Options)),
        (SignalTypes.Deposit, new(@"\b(?:send|pay|transfer|put\s+down|leave|make)\b" + G + @"\b(?:deposit|holding\s+fee|reservation\s+fee|booking\s+fee|down\s?payment)\b|\b(?:deposit|holding\s+fee|reservation\s+fee)\b" + G + @"\b(?:to\s+(?:hold|reserve|secure|keep)|and\s+i'?ll\s+(?:hold|reserve|keep)|first|upfront|before)\b", Options)),

        // credential requests
        (SignalTypes.OneTimeCode, new(@"\b(?:otp|one[\s-]?time\s+(?:pass)?(?:code|password|pin)|verification\s+code|verify\s+code|security\s+code|confirmation\s+code|auth(?:entication|orisation|orization)?\s+code|access\s+code|login\s+code|2fa|two[\s-]factor|\d[\s-]?digit(?:s)?\s+(?:code|number|pin)|(?:four|five|six|eight)[\s-]digit|pin(?:\s+code|\s+number)?)\b" + Wide + @"\b(?:send|sen|give|tell|read|forward|share|text|pass|screenshot|confirm|provide|need|want|let\s+me|reply|type)\b|\b" + Ask + @"\b" + Wide + @"\b(?:otp|one[\s-]?time\s+(?:pass)?(?:code|password|pin)|verification\s+code|security\s+code|confirmation\s+code|auth(?:entication|orisation)?\s+code|2fa|\d[\s-]?digit(?:s)?\s+(?:code|number|pin)|(?:four|five|six|eight)[\s-]digit|pin)\b", Options)),
        (SignalTypes.OneTimeCode, new(@"\bcode\b" + G + @"\b(?:you|u)\s+(?:just\s+|will\s+|should\s+|'?ll\s+)?(?:got|get|received|receive|have\s+(?:got|received))\b|\bcode\b" + G + @"\b(?:sent|texted|messaged)\s+(?:to\s+)?(?:you|your\s+(?:phone|mobile|number|email))\b|\b(?:text|sms|message)\s+(?:you|u)\s+(?:just\s+)?(?:got|received)\b", Options)),
        (SignalTypes.BankLogin, new(@"\b(?:online\s+banking|banking\s+app|bank(?:ing)?|paypal|account|apple\s+id|email|ebay)\s+(?:login|log-?in|log\s+in|password|passcode|username|user\s?name|credentials|sign[\s-]?in|memorable\s+(?:word|info|information))\b|\b(?:your|ur)\s+(?:password|passcode|memorable\s+(?:word|info|information)|login\s+details|log\s?in|username\s+and\s+password)\b|\blog\s?(?:in|on)\s+(?:to|into)?\s*(?:your|ur)\s+(?:bank|banking|paypal|account)\b", Options)),
        (SignalTypes.CardNumber, new(@"\b(?:card\s+(?:number|details|no|num|info)|long\s+(?:number|digits)\s+on|cvv|cvc|cv2|csc|security\s+(?:number|digits)\s+on|(?:three|3)\s+digits\s+on\s+the\s+back|back\s+of\s+(?:your|ur|the)\s+card|expiry\s+(?:date)?\b" + G + @"\bcard|card\b" + G + @"\bexpiry|sort\s+code\s+and\s+(?:your\s+)?card|full\s+card)\b", Options)),
        (SignalTypes.IdentityDocument, new(@"\b(?:passport|driving\s+licen[cs]e|drivers?'?\s+licen[cs]e|driver'?s\s+licen[cs]e|licen[cs]e\s+(?:photo|pic|picture|scan)|id\s+card|photo\s+id|proof\s+of\s+(?:id|identity|address)|national\s+insurance|ni\s+number|utility\s+bill|bank\s+statement|selfie\s+(?:with|holding)|your\s+(?:id|identification))\b" + Wide + @"\b(?:send|photo|picture|pic|scan|copy|upload|need|verify|share|show|see|snap|image|forward|email)\b|\b(?:send|photo|picture|pic|scan|copy|upload|need|verify|share|show|snap|image|forward|email)\b" + Wide + @"\b(?:passport|driving\s+licen[cs]e|drivers?'?\s+licen[cs]e|id\s+card|photo\s+id|proof\s+of\s+(?:id|identity)|national\s+insurance|ni\s+number|selfie\s+(?:with|holding)|(?:your|ur)\s+(?:id|identification))\b", Options)),
    ];

    public static void Detect(NormalisedText t, List<Finding> found)
    {
        foreach (var (type, pattern) in Rules)
        {
            var m = pattern.Match(t.Leet);
            if (m.Success) found.Add(new(type, m.Index, m.Index + m.Length));
        }
    }
}
