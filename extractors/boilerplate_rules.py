"""Compiled rules and vocabularies of boilerplate removal, kept apart from logic.

Three kinds of rule live here:

- tag sets: elements that never hold main text, block-level elements that
  end a text block, inline elements that do not;
- class/id vocabularies: consent managers (exact container ids and class
  prefixes of OneTrust, Cookiebot, Didomi, Quantcast, TrustArc,
  Usercentrics, Complianz, Borlabs, Osano, Termly and others), generic
  cookie/consent names, and groups of names that mark navigation, sharing,
  related lists, newsletters, paywalls, comments, ... (used as features and
  for pruning);
- text patterns: cookie/consent sentences, newsletter and paywall prompts,
  share bars, "skip to content", "On this page", "(external link)" markers,
  visible "Published"/"Last updated" lines.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------
# Tags
# --------------------------------------------------------------------------

# Never main text (removed with their content).
DROP_TAGS = frozenset(
    {
        "script", "style", "template", "svg", "math", "canvas", "iframe",
        "object", "embed", "video", "audio", "source", "track", "map", "area",
        "button", "select", "option", "optgroup", "input", "textarea", "datalist",
        "meta", "link", "base", "head", "title", "dialog", "menu", "picture", "img",
        "param", "progress", "meter", "output",
    }
)

# Elements that start a new text block.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "html", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br", "listing",
        "plaintext", "xmp", "frameset", "frame", "noframes", "search",
    }
)

# --------------------------------------------------------------------------
# Consent managers: containers by id, class and attributes
# --------------------------------------------------------------------------

# Exact ids (lowercased) of consent-manager containers and dialogs.
CONSENT_IDS = frozenset(
    {
        # OneTrust
        "onetrust-consent-sdk", "onetrust-banner-sdk", "onetrust-pc-sdk", "ot-sdk-btn-floating",
        # Cookiebot
        "cybotcookiebotdialog", "cookiebotwidget", "cybotcookiebotdialogbody",
        # Didomi
        "didomi-host", "didomi-notice", "didomi-popup",
        # Quantcast Choice
        "qc-cmp2-container", "qc-cmp2-ui", "qc-cmp2-main",
        # TrustArc / TRUSTe
        "truste-consent-track", "consent_blackbar", "teconsent", "truste-consent-content",
        "trustarc-banner-overlay", "truste-show-consent",
        # Usercentrics
        "usercentrics-root", "usercentrics-cmp", "uc-banner", "uc-center-container",
        # Complianz
        "cmplz-cookiebanner-container", "cmplz-manage-consent", "cmplz-document",
        # Borlabs Cookie
        "borlabscookiebox", "borlabscookiewidget", "bcbconsentcontainer",
        # Osano
        "osano-cm-window", "osano-cm-dialog",
        # Termly
        "termly-code-snippet-support", "termly-consent-banner",
        # others seen in the wild
        "cookie-law-info-bar", "cookie-law-info-again", "cliSettingsPopup".lower(),
        "cookie-notice", "cookie-banner", "cookie-consent", "cookieconsent", "cookie-bar",
        "cookiebar", "cookie-popup", "cookie-modal", "cookie-policy-banner", "cookies-banner",
        "gdpr-cookie-notice", "gdpr-banner", "gdpr-consent", "moove_gdpr_cookie_info_bar",
        "moove_gdpr_cookie_modal", "tarteaucitronroot", "tarteaucitronalertbig", "cmpbox",
        "cmpbox2", "_evidon_banner", "_evidon-barrier-wrapper", "evidon-prefdiag-overlay",
        "shopify-pc__banner", "hs-eu-cookie-confirmation", "iubenda-cs-banner",
        "axeptio_overlay", "axeptio_main_button", "ccc", "ccc-notify", "cookiescript_injected",
        "cookie-script", "ppms_cm_consent_popup", "klaro", "cookiefirst-root", "cc-main",
        "cookie-consent-banner", "consent-banner", "consent-manager", "cmp-app-container",
        "sp_message_container", "fides-overlay", "fides-banner", "lanyard_root", "ketch-consent",
        "truendo_container", "cookie_consent", "cookies", "cookie", "cookie-information-template-wrapper",
        "coiconsentbanner", "coi-banner-wrapper", "cookiecontrol", "cookie-control",
    }
)

# Class or id prefixes / fragments of consent managers (matched as substrings).
CONSENT_FRAGMENTS = (
    "onetrust", "optanon", "ot-sdk-", "ot-pc-", "cybotcookiebot", "cookiebot", "didomi",
    "qc-cmp", "truste", "trustarc", "usercentrics", "uc-embedding", "cmplz", "complianz",
    "borlabs", "osano-cm", "termly", "cky-consent", "cky-modal", "cli-modal", "cookie-law-info",
    "cookielawinfo", "moove_gdpr", "moove-gdpr", "tarteaucitron", "cmpbox", "evidon",
    "iubenda-cs", "axeptio", "cookiescript", "cookie-script", "ppms_cm", "klaro",
    "cookiefirst", "cc-window", "cc-banner", "cc_banner", "cc-revoke", "fc-consent",
    "fc-dialog", "sp_message", "cookie-notice", "cookienotice", "cookie_notice", "cookie-banner",
    "cookiebanner", "cookie_banner", "cookie-consent", "cookieconsent", "cookie_consent",
    "cookie-bar", "cookiebar", "cookie_bar", "cookie-popup", "cookie-modal", "cookie-overlay",
    "cookie-policy-bar", "cookies-banner", "cookies-notice", "cookie-disclaimer", "cookie-alert",
    "cookie-message", "cookie-info", "cookie-warning", "cookie-wall", "cookie-settings",
    "cookie-preferences", "cookie-box", "cookies-eu", "eu-cookie", "gdpr-cookie", "gdpr_cookie",
    "gdpr-banner", "gdpr-consent", "gdpr-notice", "ccpa-banner", "consent-banner",
    "consent-manager", "consent-modal", "consent-popup", "consent-overlay", "consent-bar",
    "consentbanner", "privacy-banner", "privacy-notice-banner", "js-cookie", "hs-cookie",
    "hs-eu-cookie", "coi-banner", "coi-consent", "cookie-information", "cookiecontrol",
    "truendo", "fides-", "ketch-", "shopify-pc__", "pea_cook",
    "wpcc-", "cookie-accept", "cookieaccept", "cookie-law", "cookie_law", "cn-banner",
    "cookie-container", "cookiecontainer", "cookie-dialog", "cookie_dialog",
)

# A class name or id that starts with a fragment (after a "js-"-like prefix);
# names of page states ("cookie-banner-visible" on <html>) do not count.
CONSENT_FRAGMENT_RE = re.compile(
    r"^(?:js-|is-|has-|c-|o-|m-)?(?:" + "|".join(re.escape(f) for f in CONSENT_FRAGMENTS) + ")"
)
CONSENT_STATE = re.compile(
    r"[-_](?:visible|active|open|opened|shown|show|enabled|accepted|closed|hidden|dismissed|loaded|"
    r"set|on|off|present|displayed|given|height|offset|padding|margin)$"
)

# Attributes whose presence marks a consent container.
CONSENT_ATTRS = ("data-cookieconsent", "data-nosnippet-consent", "data-cmp-host", "data-consent-banner")

# --------------------------------------------------------------------------
# Class / id vocabularies of page furniture (groups are classifier features)
# --------------------------------------------------------------------------

# Words of class/id names, by group. A class/id string is split into
# lowercase tokens (on non-letters and camelCase); a group matches when a
# token, or two adjacent tokens written together ("read-more" -> "readmore"),
# is one of its words.
CLASS_GROUP_WORDS: dict[str, frozenset[str]] = {
    name: frozenset(words.split())
    for name, words in {
        "nav": "nav navbar navigation navigations menu menus menubar megamenu mainmenu breadcrumb "
        "breadcrumbs crumb crumbs skip skiplink skiplinks pagination pager paging toc tableofcontents "
        "jump jumplinks anchors tabs tablist submenu dropdown hamburger sitenav topnav subnav "
        "sitemap navlinks quicklinks",
        "header": "header masthead topbar branding logo siteheader pageheader globalheader",
        "footer": "footer foot colophon copyright legal sitefooter pagefooter globalfooter bottom "
        "siteinfo disclaimer",
        "side": "sidebar side aside widget widgets rail rightcol leftcol secondary aux complementary "
        "sidenav rightrail leftrail",
        "share": "share sharing shares social sociallinks socialshare sharebar sharetools follow "
        "addthis sharethis addtoany a2a facebook twitter linkedin pinterest whatsapp",
        "related": "related recommend recommended recommendations morestories morearticles readmore "
        "popular trending mostread mostpopular teaser teasers promo promos outbrain taboola youmay "
        "alsolike nextpost prevpost postnav postnavigation upnext furtherreading relatedposts "
        "relatedarticles relatedcontent morelikethis",
        "newsletter": "newsletter newsletters subscribe subscription signup optin mailchimp mc4wp "
        "leadgen cta calltoaction register registration login signin",
        "paywall": "paywall piano regwall metered meter premium gate gated subscriberonly",
        "comment": "comment comments commentlist discussion disqus respond reply replies responses",
        "consent": "cookie cookies consent gdpr ccpa cmp privacybanner onetrust optanon",
        "ad": "ad ads advert adverts advertisement advertising adsense adslot adunit dfp gpt sponsor "
        "sponsored sponsors affiliate adcontainer adwrapper",
        "meta": "byline author authors dateline date time timestamp published updated meta postmeta "
        "entrymeta articlemeta tag tags taglist categories category labels keywords topics",
        "modal": "modal popup overlay lightbox dialog drawer offcanvas flyout toast notification "
        "alert hidden hide invisible visuallyhidden sronly screenreader",
        "content": "content contents article articles post posts entry story body text main blog prose "
        "richtext markdown md wysiwyg pagecontent single detail details description desc copy "
        "paragraph document doc docs articlebody postbody entrycontent postcontent storybody "
        "fieldbody node answer answers question thread message product faq",
        "review": "review reviews rating ratings testimonial testimonials stars customerreviews productreviews "
        "ugc yotpo bazaarvoice trustpilot okendo judgeme reviewslist",
        "caption": "caption credit credits figcaption photocredit imagecredit wpcaption",
        # names of the element that holds an article's body (two tokens written together)
        "body": "articlebody articlecontent articletext articlecontainer entrycontent entrybody postcontent "
        "postbody posttext postentry storybody storycontent storytext fieldbody bodytext bodycopy richtext "
        "contentbody contentmain maincontent pagecontent blogcontent singlecontent textcontent artcontent "
        "fulltext prose postbodycopy articlecopy storycopy",
    }.items()
}
CLASS_GROUP_NAMES = tuple(CLASS_GROUP_WORDS)

# Inline style / attributes that hide an element.
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# Hidden elements that scripts reveal as main content: tab panels, accordion
# and FAQ bodies, "read more" continuations, React streaming segments
# (<div hidden id="S:1">, moved into place by the framework's script).
REVEALABLE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:tab|tabs|tabpanel|tab-?pane|tab-?content|accordion|accordion-?content|collapse|"
    r"collapsible|faq|answer|expand|expandable|expanded|disclosure|read-?more|more-?text|spoiler|"
    r"truncated|show-?more)(?:$|[\s_-])",
    re.IGNORECASE,
)
STREAMING_SEGMENT_ID = re.compile(r"^S:[0-9a-z]+$")

# Roles of page furniture.
FURNITURE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
     "dialog", "alertdialog", "tablist", "toolbar"}
)
MAIN_ROLES = frozenset({"main", "article"})

# --------------------------------------------------------------------------
# Text patterns
# --------------------------------------------------------------------------

# A sentence about cookies / consent / tracking (any one makes a paragraph suspect).
COOKIE_TEXT = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|our partners|we and our partners|this page)\s+"
    r"(?:and (?:our|selected) (?:\w+ )?partners\s+)?(?:also\s+)?(?:use|uses|are using|store|stores|"
    r"place|places|set|sets|collect|process)\b[^.]{0,80}?\bcookies?\b"
    r"|\bcookies?\b[^.]{0,60}\b(?:policy|settings|preferences|consent|notice|statement)\b"
    r"|\b(?:accept|allow|reject|decline|refuse|manage|customi[sz]e|necessary|essential|functional|"
    r"analytics?|marketing|performance|targeting|advertising)\s+(?:all\s+)?cookies\b"
    r"|\bby (?:continuing|clicking|using|browsing|scrolling)\b[^.]{0,120}\b(?:cookies?|agree|consent|"
    r"accept)\b"
    r"|\buse of cookies\b|\bcookies? (?:to|which|that|help|are used|enable)\b[^.]{0,120}\b(?:experience|"
    r"traffic|analy[sz]e|personali[sz]e|advertis|improve|remember|track)"
    r"|\btracking technologies\b|\byour (?:privacy|consent) (?:choices|preferences|settings)\b"
    r"|\bdo not sell(?: or share)? my personal information\b|\bconsent to (?:the use of|our use of|"
    r"the storing of|all)\b|\bwithdraw (?:your )?consent\b|\bprivacy preference cent(?:er|re)\b"
    r"|\bdata protection settings\b|\bcookie (?:banner|declaration)\b",
    re.IGNORECASE,
)

# Words of a consent dialog's buttons and headings (short blocks only).
CONSENT_SHORT = re.compile(
    r"^(?:accept(?: all)?(?: cookies)?|reject(?: all)?(?: cookies)?|allow(?: all)?(?: cookies)?|"
    r"decline(?: all)?|deny|agree(?: and (?:close|continue|proceed))?|i agree|i accept|got it!?|"
    r"ok(?:ay)?,? (?:got it|i agree|i understand)|manage (?:cookies|preferences|settings|options|"
    r"consent)|cookie (?:settings|preferences|policy|notice)|privacy (?:settings|preferences|"
    r"preference center|overview)|customi[sz]e(?: settings)?|save (?:settings|preferences|and exit)|"
    r"confirm (?:my )?choices|strictly necessary(?: cookies)?|necessary cookies|functional cookies|"
    r"performance cookies|analytics cookies|marketing cookies|targeting cookies|"
    r"always active|more information|show details|hide details|"
    r"we (?:value|care about|respect) your privacy|this (?:web)?site uses cookies|"
    r"your privacy(?: choices)?|cookies? (?:consent|notice|policy)|privacy and cookies?(?: policy)?"
    r")[.!]?$",
    re.IGNORECASE,
)

NEWSLETTER_TEXT = re.compile(
    r"\b(?:sign up|subscribe|join)\b[^.]{0,60}\b(?:newsletter|mailing list|our list|inbox|updates|"
    r"email(?:s| alerts)?)\b|\bnewsletter\b[^.]{0,40}\b(?:sign ?up|subscribe)\b|"
    r"\benter your email(?: address)?\b|\bget (?:the latest|our best)\b[^.]{0,60}\b(?:inbox|email)\b|"
    r"\bdelivered (?:straight |directly )?to your inbox\b|\bunsubscribe at any time\b|"
    r"\bby (?:providing|entering|submitting|sharing) (?:my|your) (?:email|e-mail|information|details)\b|"
    r"\bby (?:subscribing|signing up|clicking (?:subscribe|sign up|submit))\b[^.]{0,80}\b(?:agree|consent|accept)|"
    r"\byour (?:information|data|personal data|email address) will be (?:processed|used|handled)\b|"
    r"\b(?:see|read|view|review|in accordance with|according to) (?:our|the)(?: [\w&.-]+){0,3} privacy (?:policy|notice|statement)\b|"
    r"\bwe (?:respect|value|care about) your privacy\b|\bnever share your (?:email|information)\b|"
    r"^(?:subscribe(?: now| today)?|sign up(?: now| today)?|stay (?:informed|updated|in the loop)[^.]{0,60})[.!]?$",
    re.IGNORECASE,
)

PAYWALL_TEXT = re.compile(
    r"\b(?:subscribe|subscription|subscribers?)\b[^.]{0,60}\b(?:to (?:continue|keep) reading|"
    r"unlimited (?:digital )?access|to read (?:the full|this|more)|only)\b|"
    r"\byou(?:'ve| have) (?:reached|read) (?:your|the|all)\b[^.]{0,40}\b(?:free|article|limit)\b|"
    r"\b(?:already a subscriber|log in to (?:continue|read)|create a free account to continue|"
    r"this (?:article|content) is (?:for|available to|only available to) (?:subscribers|members))\b",
    re.IGNORECASE,
)

SHARE_TEXT = re.compile(
    r"^(?:share(?: this| the| our)?(?: article| story| post| page| link| recipe)?(?:\s*(?:on|via|with))?|"
    r"share (?:on )?(?:facebook|twitter|x|linkedin|pinterest|whatsapp|email|reddit)|"
    r"(?:tweet|pin it|email|print|copy link|copy url|link copied)|"
    r"follow us(?: on \w+)?|like us on facebook|(?:facebook|twitter|linkedin|pinterest|instagram|"
    r"whatsapp|reddit|telegram|youtube|tiktok|email|print)(?:\s*[|/·•,]\s*(?:facebook|twitter|x|"
    r"linkedin|pinterest|instagram|whatsapp|reddit|telegram|youtube|tiktok|email|print))*)[:.!]?$",
    re.IGNORECASE,
)

RELATED_HEADING = re.compile(
    r"^(?:related(?: articles| posts| stories| content| news| reading| topics| links| resources)?|"
    r"(?:you )?(?:might|may) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| reading"
    r"| articles| stories)?|more (?:from|on|in|about|stories|articles|news|like this|to explore)\b.*|"
    r"read (?:more|next|also)|further reading|see also|popular(?: posts| articles| now)?|"
    r"trending(?: now)?|most (?:read|popular|viewed)|latest (?:news|posts|articles|stories)|"
    r"recent posts|up next|what to read next|keep reading|continue reading|"
    r"(?:share|leave a|post a) (?:this|reply|comment)|comments?|\d+ comments?|leave a reply|"
    r"about the author|tags?|topics|categories|filed under)[:.]?$",
    re.IGNORECASE,
)

SKIP_TEXT = re.compile(
    r"^(?:skip (?:to|navigation)\b.*|jump to (?:main )?(?:content|navigation|main)\b.*|"
    r"back to top|go to top|scroll to top|top of page|return to top|"
    r"on this page|in this (?:article|section|page)|table of contents|contents|"
    r"toggle (?:navigation|menu)|open (?:menu|navigation)|close(?: menu)?|menu|main menu|search|"
    r"breadcrumbs?|you are here:?|print(?: this)?(?: page)?|advertisement|sponsored(?: content)?|"
    r"loading\.*|please wait\.*|"
    r"(?:you need to |please )?enable javascript(?: to (?:run|use|view) this (?:app|site|page|website))?\.?|"
    r"javascript is (?:disabled|required|not enabled)(?: in your browser)?\.?|"
    r"this (?:site|page|website) requires javascript\.?)$",
    re.IGNORECASE,
)

# "(external link)" and similar screen-reader markers left in the text.
LINK_MARKER = re.compile(
    r"\s*\((?:external link|link is external|opens in (?:a )?new (?:window|tab)|"
    r"this link opens in a new (?:window|tab)|pdf(?:,\s*[\d.]+\s*[kmg]?b)?|external site|"
    r"external)\)",
    re.IGNORECASE,
)

# Visible date lines: "Last updated: 12 Sep. 2018 13:28", "Published on ...".
DATE_LINE = re.compile(
    r"^\W{0,3}(?P<label>last (?:updated|modified|reviewed|revised)|updated(?: on)?|modified(?: on)?|"
    r"date (?:updated|modified|published)|published(?: on)?|posted(?: on)?|first published(?: on)?|"
    r"originally published(?: on)?|release date|date|reviewed(?: on)?|page last (?:updated|modified|"
    r"reviewed)(?: on)?|this page was last (?:updated|modified|edited)(?: on)?)"
    r"\s*[:\-–—]?\s*(?:on\s+)?(?P<value>.{4,60}?)\s*\.?$",
    re.IGNORECASE,
)
UPDATED_LABELS = re.compile(r"updated|modified|reviewed|revised|edited", re.IGNORECASE)

# Bullet markers opening a line of plain text.
BULLET = re.compile(r"^\s*(?:[•●○◦▪▫■□‣⁃∙·\-\*–—►▶➢➤✓✔]|\d{1,3}[.)]|[a-z][.)])\s+")
BULLET_SYMBOL = re.compile(r"^\s*[•●○◦▪▫■□‣⁃∙·\*►▶➢➤✓✔]\s*")

STOP_EN = frozenset(
    "the of and to a in is that for it as was with be by on not he i this are or his from at "
    "which but have an they you were her she there one all we their has been would will can if "
    "its so no more when what who also into than them these may our out other about some could "
    "only then there after most over such any do how where should those very between each both "
    "because while through during".split()
)

# Page kinds announced by schema.org JSON-LD "@type" or og:type (page features).
PAGE_KIND_TYPES: dict[str, frozenset[str]] = {
    "article": frozenset(
        "article newsarticle blogposting reportagenewsarticle analysisnewsarticle opinionnewsarticle "
        "techarticle scholarlyarticle report liveblogposting backgroundnewsarticle posting blog".split()
    ),
    "product": frozenset("product productgroup productmodel offer aggregateoffer individualproduct vehicle car".split()),
    "forum": frozenset("discussionforumposting qapage question socialmediaposting comment answer".split()),
    "collection": frozenset("collectionpage itemlist searchresultspage offercatalog productcollection".split()),
    "howto": frozenset("faqpage howto recipe course event".split()),
    "about": frozenset("aboutpage contactpage service professionalservice".split()),
}

# --------------------------------------------------------------------------
# Block roles (extractors.block_roles): lines that are not prose
# --------------------------------------------------------------------------

# A call to action: a short line that asks the reader to do something.
CALL_TO_ACTION = re.compile(
    r"^\W{0,3}(?:read (?:more|the full|next|on)|learn more|find out (?:more|how)|discover (?:more|how|our)|"
    r"see (?:more|all|details|the full|our)|view (?:more|all|details|the|our)|show (?:more|all)|load more|"
    r"explore (?:our|the|more|all)|watch(?: now| the| our| video)|listen (?:now|to)|download|"
    r"get (?:tickets|started|in touch|the app|directions|your|our)|book (?:now|tickets|your|a|online|here|today)|"
    r"buy (?:now|tickets|online)|order (?:now|online|today)|shop (?:now|the|our|all)|"
    r"register (?:now|here|today|for|online)|sign (?:up|in)|log ?in|subscribe|join (?:us|now|today|our)|"
    r"donate|apply (?:now|today|here|online)|contact us|request a|reserve (?:a|your|now)|enquire|inquire|rsvp|"
    r"click here|tap here|visit (?:our|us|the website)|browse (?:all|our|the)|back to|return to|go to|"
    r"continue reading|add to (?:cart|basket|calendar)|more (?:info|information|details)|"
    r"(?:view|see) (?:event|programme|program|schedule))\b[^.!?]{0,40}[!›»→]?$",
    re.IGNORECASE,
)

# A byline: "By Jane Smith", "Written by J. Smith | Reuters", "Words: Tom Brown".
BYLINE = re.compile(
    r"^(?:(?i:written|posted|reported|words|story|photos?|text|interview|edited|reviewed)\s+)?"
    r"(?i:by|words:|author:)\s+[A-ZÀ-Þ][\w.'’-]*(?:\s+(?:[A-ZÀ-Þ][\w.'’-]*|van|von|de|da|del|der|and|&))*"
    r"(?:\s*[,|·•–—-]\s*.{0,60})?$",
)

# Separators of an inline list of links ("Home | News | Sport").
LINK_SEPARATORS = re.compile(r"\s+[|·•/»›]\s+")
