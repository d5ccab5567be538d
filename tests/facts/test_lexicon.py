"""What kind of happening a statement tells."""

import pytest

from facts.lexicon import date_phrase_concept, happening_concept, inflections, intensifier, lexicon, text_came, tokens

# a clause and the trigger the parse gave it (lemma, as written) -> the happening it tells, by rule
TOLD: dict[str, list[tuple[str, str, str, str]]] = {
    "a plan tells the happening its clause names": [
        ("schedule", "The telescope is scheduled to launch in March 2019.", "scheduled", "launch"),
        ("delay", "NASA delayed its launch, long scheduled for October 2018.", "delayed", "launch"),
    ],
    "a report is an announcement of what it reports": [
        ("say", "Trump said he will withdraw America from the agreement.", "said", "announce:withdraw"),
        ("say", "He said so on Thursday.", "said", "announce"),
    ],
    "setting off on a journey is a launch": [
        ("embark", "The telescope embarked on a journey to L2.", "embarked", "launch"),
        ("set", "The probe set off for Mars.", "set off", "launch"),
    ],
    "a negated trigger is refused not read as its object": [
        # the object's noun is no kind of the clause: a withdrawal not made is no agreement
        ("withdraw", "The country did not withdraw from the pact.", "withdraw", "refuse:withdraw"),
        # a negation reaches the first happening after it, within its clause
        ("ratify", "The state did not sign but ratified the treaty.", "ratified", "ratify"),
        ("launch", "The agency never said the launch was delayed.", "launch", "launch"),
    ],
    "a governor reaches only into its own clause": [
        ("sue", "The buyer terminated the deal and the seller sued him.", "sued", "sue"),
        ("sue", "The buyer called off the merger; the seller sued.", "sued", "sue"),
        # a finite verb starts a clause of its own
        ("accept", "The board rejected the bid the founder accepted.", "accepted", "accept"),
        # within one clause the object stays governed
        ("acquire", "The buyer called off the purchase of the firm.", "purchase", "terminate"),
    ],
    "a negated phrase trigger is refused": [
        ("step down", "The chief did not step down that year.", "step down", "refuse:resign"),
        ("pull out", "The country did not pull out of the accord.", "pull out", "refuse:withdraw"),
    ],
    "only the words of a suspension govern what follows": [
        ("complete", "The founder will stay on to complete the purchase.", "complete", "complete"),
        ("acquire", "The regulator suspended the takeover.", "takeover", "suspend"),
    ],
    "an offer governs no verb after a be or have verb": [
        # the offer is the subject of the passive, not what it is for
        ("accept", "The bid was accepted on 3 June.", "accepted", "accept"),
        ("approve", "The proposal was approved by the council.", "approved", "accept"),
        ("withdraw", "The investor's offer has been withdrawn.", "withdrawn", "withdraw"),
        # a refused offer: a refusal of the offer
        ("reject", "The offer was rejected on 3 June.", "rejected", "refuse:offer"),
        # an offer governs "to" and a verb, or a noun or gerund object, not a participle
        ("buy", "The investor offered to buy the firm.", "buy", "offer"),
        ("acquire", "The investor made a bid for the takeover.", "takeover", "offer"),
        ("accept", "The proposal accepted by the board lapsed.", "accepted", "accept"),
        # an infinitive's be stays governed
        ("acquire", "The board refused to be acquired.", "acquired", "refuse:acquire"),
    ],
    "pending waits only after a linking verb": [
        ("approve", "Owners approved the pending takeover on 2 May.", "approved", "accept"),
        ("halt", "Sales were halted pending the judge's ruling on 9 May.", "halted", "suspend"),
        ("release", "The suspect was freed and released on 9 May pending trial.", "released", "release"),
        ("acquisition", "The takeover remains still pending clearance.", "takeover", "pending"),
    ],
    "an own after a possessive intensifies it, it owns nothing": [
        ("own", "The start-up grew on its own before the sale.", "own", None),
        ("found", "The engineers founded a firm of their own in 2004.", "founded", "found"),
        ("own", "The fund owns the harbour since May.", "owns", "acquire"),
        # a plural genitive is a possessive too; without its apostrophe the word is the verb
        ("own", "The Joneses' own firm was sold in May.", "own", None),
        ("own", "The Joneses own the firm since May.", "own", "acquire"),
        ("own", "Then Acme's own plant was sold in May.", "own", None),
    ],
    "a caller on hold suspends nothing": [
        ("be", "I called on 3 May and was on hold for an hour.", "was", None),
        ("hold", "I called on 3 May and was on hold for an hour.", "hold", None),
    ],
    "a happening said in the progressive is done by the saying": [
        # the saying does it: "said ... he was ending the lease" ends the lease that day
        ("say", "The tenant said on 3 May that he was terminating the lease.", "said", "terminate"),
        ("say", "The club says it is suspending the sale.", "says", "suspend"),
        # a report of a happening done before, or of a plan, stays an announcement of it
        ("say", "The tenant said on 3 May that he had terminated the lease.", "said", "announce:terminate"),
        ("say", "The club said it will withdraw from the league.", "said", "announce:withdraw"),
    ],
}


@pytest.mark.parametrize(("rule", "trigger", "clause", "written", "concept"),
                         [(rule, *case) for rule, cases in TOLD.items() for case in cases])
def test_a_clause_tells_its_happening_by_rule(rule, trigger, clause, written, concept):
    assert happening_concept(trigger, clause, written) == concept, rule


def test_inflections_of_regular_verbs():
    assert {"signs", "signed", "signing"} <= inflections("sign")
    assert {"ratifies", "ratified", "ratifying"} <= inflections("ratify")
    assert {"stopped", "stopping"} <= inflections("stop")
    assert {"called off", "calling off"} <= inflections("call off")


def test_derivations_and_synonyms_share_a_concept():
    lex = lexicon()
    assert lex.lookup("signature") == lex.lookup("sign") == lex.lookup("formalise")
    assert lex.lookup("accession") == lex.lookup("join")
    assert lex.lookup("ratification") == lex.lookup("ratify")
    assert lex.lookup("deployment") == lex.lookup("deploy")
    assert lex.lookup("liftoff") == lex.lookup("launch")
    assert lex.lookup("takeover") == lex.lookup("acquire")
    assert lex.lookup("adopted") == lex.lookup("passed") != lex.lookup("agreement")  # an adoption is no agreement...
    assert lex.lookup("agreement") == lex.lookup("agree")
    assert lex.lookup("sign") != lex.lookup("ratify")
    assert lex.lookup("financing") == lex.lookup("funding") == lex.lookup("finance") != lex.lookup("agree")
    # a timeline's "secures financing for the deal" and "outlines the financing plan" tell one happening
    assert happening_concept("secure", "Buyer secures $9 billion of financing for the deal", "secures") \
        == happening_concept("outline", "The buyer outlines a financing plan", "outlines")


def test_unknown_words_stand_for_themselves_and_names_are_not_words():
    assert happening_concept("shipment", "the shipment of Webb to French Guiana") == "?shipment"
    # an unknown verb whose clause names a known kind of happening tells that kind
    assert happening_concept("reverse", "Musk reversed course by proposing a purchase.", "reversed") == "offer"
    assert happening_concept("be", "The Paris Agreement was in the news in 2015.", names=("Paris Agreement",)) is None


def test_capitalised_words_inside_a_sentence_are_names_not_happenings():
    from facts.lexicon import clause_concepts, happening_concept

    assert "agree" not in clause_concepts("Country quits the Ocean Agreement on Monday")
    assert happening_concept("say", "Trump said he will withdraw from the Climate Agreement") == "announce:withdraw"
    assert happening_concept("be", "Launched on 25 December, the telescope is far away") == "launch"


def test_a_clause_that_names_a_plan_says_plan():
    from facts.lexicon import says_plan

    assert says_plan("The agency confirmed plans to launch the probe on 3 May")
    assert says_plan("the launch, long scheduled for October 2018")
    assert not says_plan("The telescope launched on 25 December 2021.")
    assert not says_plan("Trump said he will withdraw from the landmark 2015 agreement.")


def _dated(sentence: str, date_text: str, names: tuple[str, ...] = ()) -> str | None:
    at = sentence.index(date_text)
    return date_phrase_concept(sentence, at, at + len(date_text), names)


def test_the_dates_own_phrase_names_what_it_dates():
    assert _dated("It notified its withdrawal from the Treaty, adopted in Geneva on 3 May 1990.", "3 May 1990",
                  ("Treaty", "Geneva")) == "agree"  # adopting a text is agreeing on it
    assert _dated("It marks four years since its launch on 25 December 2021.", "25 December 2021") == "launch"
    assert _dated("He vowed to undo the 2015 Climate Accord.", "2015") == "agree"
    assert _dated("It left the Kyoto Agreement of 11 December 1997.", "11 December 1997", ("Kyoto Agreement",)) \
        == "agree"


def test_a_date_of_the_clause_itself_names_nothing_more():
    assert _dated("On 25 December 2021, the telescope embarked on a journey.", "25 December 2021") is None
    assert _dated("Musk offers to buy Twitter on April 14, 2022.", "April 14, 2022") is None  # a name, not a phrase
    assert _dated("The pact was opened for signature on 3 May 2010.", "3 May 2010") is None  # a purpose's noun
    assert _dated("During the climate meet in December, nations agreed.", "December") is None  # a frame
    assert _dated("In 2015 signed the accord.", "2015") is None
    assert _dated("NASA delayed its launch, long scheduled for October 2018.", "October 2018") is None  # a plan word


def test_an_aside_on_a_participant_names_no_happening():
    # "most of which was built": the probe's, not what the plan is for
    assert happening_concept("schedule", "The probe, most of which was built in Ohio, is now scheduled to go "
                             "from a coastal pad in May 2030.", "scheduled") == "plan"


def test_a_label_of_a_table_read_as_a_sentence_names_its_dates_happening():
    box = "Location New York Signed 22 April 2016 Effective 4 November 2016 Sealed 12 December 2015"
    assert _dated(box, "22 April 2016") == "sign"
    assert _dated(box, "12 December 2015") == "?sealed"  # unknown to the lexicon, but not the signing
    assert _dated("Launched 25 December 2021.", "25 December 2021") is None  # the sentence's own verb


def test_a_date_after_an_argument_of_the_clause_dates_the_clause():
    assert _dated("Twitter sued Musk over the acquisition in July 2022.", "July 2022") is None
    assert _dated("The board rejected the takeover on 14 April 2022.", "14 April 2022") is None
    assert _dated("Musk pulled out of the deal on 8 July 2022.", "8 July 2022") is None


def test_a_date_outside_the_sentence_has_no_phrase_in_it():
    # a statement dated by its section heading: the date's offsets fall before the sentence
    assert date_phrase_concept("The team watched the launch in the rain with the crowd.", -25, -15) is None


def test_setting_out_a_framework_is_no_launch():
    assert happening_concept("set", "The agreement sets out a framework for action.", "sets out") != "launch"


def test_the_head_event_is_not_a_happening_the_clause_negates_or_abandons():
    # "no longer wished to buy ... call off the purchase": a termination, not an acquisition
    assert happening_concept("decide", "In May, the investor decided she no longer wished to buy the firm and tried "
                             "to call off the purchase.", "decided") == "terminate"
    assert happening_concept("move", "The buyer moved to terminate the takeover that week.", "moved") == "terminate"
    # a refused or negated joining is a refusal, told alike in other words
    rejected = happening_concept("announce", "Jones announces that Smith has turned down the offer to join the "
                                 "council.", "announces", names=("Jones", "Smith"))
    wont = happening_concept("inform", "Jones informed staff that Smith won’t be joining the council.", "informed",
                             names=("Jones", "Smith"))
    assert rejected == wont == "announce:refuse:join"
    assert happening_concept("join", "The country did not join the alliance.", "join") == "refuse:join"
    # what is not negated keeps its kind
    assert happening_concept("offer", "The investor offers to buy the firm for $20 per share.", "offers") == "offer"
    assert happening_concept("join", "The country joined the alliance in 2004.", "joined") == "join"


def test_a_negated_governor_governs_nothing():
    from facts.lexicon import head_events

    assert happening_concept("terminate", "The buyer did not terminate the merger.", "terminate") == "refuse:terminate"
    assert happening_concept("reject", "The board did not reject the bid.", "reject") == "refuse:refuse"
    # its object is the clause's happening again
    assert [c for _, c in head_events("the board did not reject the bid")] == ["offer"]


def test_a_refusal_keeps_what_it_refuses_and_not_yet_is_no_refusal():
    delay = happening_concept("refuse", "The agency refused to delay the launch.", "refused")
    board = happening_concept("join", "The founder won't join the board.", "join")
    assert (delay, board) == ("refuse:launch", "refuse:join")
    assert happening_concept("reject", "The board rejected the bid.", "rejected") == "refuse:offer"
    # a happening still to come is told, not refused
    assert happening_concept("launch", "The probe has not yet been launched.", "launched") == "launch"
    assert happening_concept("launch", "The probe has not launched.", "launched") == "refuse:launch"


def test_a_governed_trigger_tells_its_governors_kind():
    # the parse's trigger is the object of an offer: the happening is the offer
    sentence = "The story opened with the investor first offering to buy the firm in March."
    assert happening_concept("buy", sentence, "buy") == "offer"
    # also when the clause was summarised without the governor: the sentence's governor
    assert happening_concept("buy", "The story: to buy the firm in March.", "buy", sentence) == "offer"
    # a state of waiting for a happening is neither the happening waited for nor its subject
    assert happening_concept("acquisition", "By March, the takeover is pending clearance by the authorities.",
                             "takeover") == "pending"
    assert happening_concept("approve", "The merger, awaiting approval, stalled.", "approval") == "pending"
    # a refusal governs the offer it rejects and what that offer was for
    assert happening_concept("join", "The founder has rejected the offer to join the council.", "join") == "refuse:join"
    assert happening_concept("purchase", "The buyer attempted to call off the purchase.", "purchase") == "terminate"
    # not governed: its own kind
    assert happening_concept("buy", "The investor bought the firm in October.", "bought") == "acquire"
    # the waited-for happening is no head event of the clause; a wait in another clause governs nothing
    from facts.lexicon import head_events

    assert [c for _, c in head_events("the takeover is pending clearance")] == ["pending"]
    assert happening_concept("acquisition", "The takeover closed, pending a review.", "takeover") == "acquire"
    # an offer in another clause governs nothing
    assert happening_concept("buy", "The investor made an offer, and a rival bought the firm.", "bought") == "acquire"


def test_an_unknown_verb_in_a_clause_that_reports_tells_the_saying():
    said = ('"I bought the firm for its future," the investor said in a note posted to her page on Monday.')
    assert happening_concept("post", said, "posted") == "announce:acquire"
    # no report word: what the clause names
    assert happening_concept("caps", "The deal caps a saga of the acquisition.", "caps") == "acquire"


def test_the_sentence_is_read_where_the_clause_stands_in_it():
    # an earlier word of the same form in the sentence is not the clause's trigger
    sentence = "After proposing to buy the firm in May, the investor agreed on 3 June to buy it at the first price."
    clause = "the investor agreed on 3 June to buy it at the first price."
    assert happening_concept("buy", clause, "buy", sentence) == "acquire"
    # a clause with a governor word of its own is read on its own
    assert happening_concept("buy", "The offer lapsed; the investor came back to buy the firm.", "buy",
                             "In May the investor offered to buy the firm.") == "acquire"


def test_a_trigger_is_read_with_its_particle_and_its_written_form():
    from facts.lexicon import trigger_concept

    # a phrasal verb: the particle is part of the trigger ("call off" is a termination, "call" is nothing)
    assert trigger_concept("call", "The buyer will call off the deal.", "call") == "terminate"
    # a lemma the parse got wrong: its written form
    assert trigger_concept("slat", "The hearing had been slated for noon.", "slated") == "plan"
    assert trigger_concept("sign", "They signed it.", "signed") == "sign"


def test_a_request_governs_what_it_asks_for():
    assert happening_concept("ask", "The buyer asked the court to halt the case.", "asked") == "request"
    assert happening_concept("motion", "The firm filed a motion to dismiss the case.", "motion") == "request"
    # a question or a thing sought is no request
    assert happening_concept("ask", "Reporters asked about the merger on 3 May.", "asked") != "request"
    assert happening_concept("seek", "The firm is seeking a buyer.", "seeking") != "request"


def test_testimony_is_a_kind_of_its_own():
    assert happening_concept("testify", "The founder testified before the panel on 3 May.", "testified") == "testify"
    assert happening_concept("deposition", "His deposition took place on 3 May.", "deposition") == "testify"
    assert happening_concept("sue", "The firm sued the founder on 3 May.", "sued") != "testify"
    assert happening_concept("suspend", "The court halted the case.", "halted") == "suspend"


def test_a_relative_clauses_plan_tells_its_antecedent():
    sentence = "The firm asked the judge to pause the trial, which was set to start on 3 May."
    assert happening_concept("start", "Was set to start on 3 May.", "start", sentence) == "sue"


def test_a_trailing_relative_clause_makes_no_plan():
    from facts.lexicon import says_plan

    assert not says_plan("The firm asked the judge to pause the trial, which was scheduled for 3 May.")
    assert says_plan("The trial was scheduled for 3 May.")
    # ... but its verb may tell a happening of its own: the plan in it is for the arrival, not the launch
    s = "The agency launched the probe, which is scheduled to arrive at its orbit in January."
    assert happening_concept("schedule", s, "scheduled", s) == "arrive"


def test_words_that_tell_a_plan_moved():
    from facts.lexicon import says_moved

    assert says_moved("The launch was pushed back to March.")
    assert says_moved("It was originally scheduled for 2018.")
    assert says_moved("The hearing is now scheduled for June.")
    assert says_moved("The launch was delayed again.")
    assert not says_moved("The trial is scheduled for 3 May.")
    # a bare adverb tells no move
    assert not says_moved("Right now the hearing is set for June.")
    assert not says_moved("The firm bought the stake, not previously reported, in May.")
    assert not says_moved("He no longer works there.")


def test_adopting_a_text_is_agreeing_on_it_and_other_adoptions_are_not():
    assert happening_concept("adopt", "The assembly adopted the accord on 3 May.", "adopted") == "agree"
    assert happening_concept("adopt", "The accord was formally adopted on 3 May.", "adopted") == "agree"
    assert happening_concept("adoption", "The adoption of the treaty came on 3 May.", "adoption") == "agree"
    assert happening_concept("adopt", "The firm adopted a new logo on 3 May.", "adopted") == "adopt"
    assert happening_concept("adopt", "The couple adopted a child in 2019.", "adopted") == "adopt"
    assert happening_concept("adopt", "The board adopted a shareholder rights plan on 3 May.", "adopted") == "adopt"
    # adopting a law and passing it are one kind
    assert happening_concept("adopt", "The assembly adopted the bill.", "adopted") == \
        happening_concept("pass", "The assembly passed the bill.", "passed")


def test_an_opening_attribution_is_no_happening_of_its_sentence():
    sentence = "As earlier reported, on 8 May the firm received a notice of termination of the merger."
    assert happening_concept("report", "As earlier reported, on 8 May.", "reported", sentence) == "terminate"
    # a report that is the sentence's own verb stays a report
    assert happening_concept("say", "The firm said on 8 May it would end the merger.", "said",
                             "The firm said on 8 May it would end the merger.") == "announce:end"
    # an attribution holding the statement's own date is what that date tells: the saying
    sentence = "As the founder said on 3 May, the merger was called off."
    assert happening_concept("say", sentence, "said", sentence, (), sentence.index("3 May")) == "announce:terminate"
    assert happening_concept("say", sentence, "said", sentence, (), sentence.index("called")) == "terminate"


def test_a_date_after_a_coordinated_clause_dates_that_clause():
    from facts.lexicon import coordinated_concept

    s = "The probe was launched on 2 May 2020 from the coast, and arrived at its orbit in June 2020."
    assert coordinated_concept(s, "launch", "launched", s.index("June 2020")) == "arrive"
    # no coordinated clause between the trigger and its date
    s = "The probe was launched from the coast on 2 May 2020."
    assert coordinated_concept(s, "launch", "launched", s.index("2 May")) is None
    # a modifier after "and" is no clause's verb of its own
    s = "The treaty was signed and the ratified text lodged in June."
    assert coordinated_concept(s, "sign", "signed", s.index("June")) is None
    # a coordinated passive is ("was signed in 2015 and was ratified in 2016": 2016 dates the ratification)
    s = "The pact was signed in 2015 and was ratified in 2016."
    assert coordinated_concept(s, "sign", "signed", s.index("2016")) == "ratify"
    # two verbs sharing one object and date are one clause: the trigger's date
    s = "The firm signed and closed the merger on 3 May."
    assert coordinated_concept(s, "sign", "signed", s.index("3 May")) is None
    # the trigger as a whole word, its last use before the date ("sign" inside "design" is not it)
    s = "The design team signed in May and arrived at the site in June."
    assert coordinated_concept(s, "sign", "sign", s.index("June")) is None
    assert coordinated_concept(s, "sign", "signed", s.index("June")) == "arrive"


def test_a_picture_handed_out_tells_its_release():
    handed = "This photo provided by the city on Tuesday shows the new bridge."
    assert happening_concept("provide", handed, "provided", handed) == "release"
    # a picture word alone says nothing of a release
    taken = "The photo of the bridge was admired on 2 May 2019"
    assert happening_concept("photo", taken, "photo", taken, (), taken.index("2 May")) != "release"
    assert happening_concept("provide", "The city provided funding on Tuesday.", "provided") != "release"


def test_a_progressive_denied_doubted_planned_or_of_another_is_no_act_done_by_the_saying():
    # denied or doubted: the saying does not do it
    assert happening_concept("deny", "The tenant denied he was terminating the lease.", "denied") != "terminate"
    doubted = "She said rumours that she was terminating the lease were false."
    assert happening_concept("say", doubted, "said") != "terminate"
    reports = "Reports that the tenant was terminating the lease were denied, the owner said."
    assert happening_concept("say", reports, "said") != "terminate"
    # one party's saying is not the other's act
    assert happening_concept("say", "The owner said the tenant was terminating the lease.", "said") != "terminate"
    assert happening_concept("say", "She said he was terminating the lease.", "said") != "terminate"
    # a plan in the progressive: a date or a word of time to come after it
    assert happening_concept("say", "The coach said she was leaving the club on Friday.", "said") != "withdraw"
    assert happening_concept("say", "The city said it was signing the charter next week.", "said") != "sign"
    assert happening_concept("say", "The council said it was meeting on Tuesday.", "said") != "meet"
    assert happening_concept("say", "The agency said it is launching the probe in December.", "said") != "launch"
    # negated
    assert happening_concept("say", "The tenant said he was not terminating the lease.", "said") != "terminate"
    # the sayer's own act, told as it is done by the saying (an amount after it is no date)
    assert happening_concept("say", "The tenant said on 3 May that he was terminating the lease.", "said") \
        == "terminate"
    assert happening_concept("say", "The tenant said on 3 May he was terminating his $2 million lease.", "said") \
        == "terminate"
    assert happening_concept("say", "The tenant said he was terminating the lease on 3 June.", "said") != "terminate"


def test_a_picture_is_handed_out_only_by_its_maker_or_in_a_credit_line():
    glimpse = "This photo provided a first look at the harbour on Monday."
    assert happening_concept("provide", glimpse, "provided", glimpse) != "release"
    evidence = "The picture provided evidence of the damage, the court said on Monday."
    assert happening_concept("provide", evidence, "provided", evidence) not in ("release", "announce:release")
    cash = "The ministry announced a cash handout on Monday."
    assert happening_concept("announce", cash, "announced", cash) not in ("release", "announce:release")
    give = "The ministry said it would give a cash handout on Monday."
    assert happening_concept("give", give, "give", give) not in ("release", "announce:release")
    credited = "The new bridge at dawn on 3 May. City Council/Handout via the Gazette"
    assert happening_concept("bridge", credited, "bridge", credited) == "release"
    courtesy = "A photo courtesy of the city on Tuesday shows the new bridge."
    assert happening_concept("show", courtesy, "shows", courtesy) == "release"


def test_taking_part_is_a_kind_of_its_own_near_joining():
    lex = lexicon()
    assert lex.lookup("participate") == lex.lookup("participation") == lex.lookup("take part") == "take_part"
    assert lex.lookup("join") == "join"
    assert lex.near("take_part", "join") and lex.near("join", "take_part")
    assert happening_concept("take", "Since 2015, Chile has taken part in the training platform.", "taken") == "take_part"
    assert happening_concept("take", "Chile took part in the exercise in 2015.", "took") == "take_part"
    assert happening_concept("participate", "Japan participated in the summit in 2021.", "participated") == "take_part"
    assert happening_concept("take", "3,000 runners took part in the marathon.", "took") == "take_part"
    assert happening_concept("join", "Japan joined the alliance in 2021.", "joined") == "join"
    assert happening_concept("launch", "The alliance launched the initiative in 2014.", "launched") == "launch"


def test_a_text_that_followed_or_came_was_agreed():
    assert happening_concept("follow", "A Joint Action Programme followed in March 2011.", "followed") == "agree"
    assert happening_concept("come", "The declaration came in June 2012.", "came") == "agree"
    # a party that followed did something the clause does not name
    assert happening_concept("follow", "Japan followed in April 2014.", "followed") is None
    # the text nouns of extractors.document_nouns, the list roles' document subjects use
    assert happening_concept("follow", "An Action Plan followed in 2013.", "followed") == "agree"
    assert happening_concept("follow", "A new programme followed a year later.", "followed") == "agree"


def test_a_text_that_followed_or_came_with_an_object_or_complement_was_not_agreed():
    assert happening_concept("come", "The agreement came under fire in 2019.", "came") != "agree"
    assert happening_concept("follow", "The declaration followed the summit in June.", "followed") != "agree"
    assert not text_came("The agreement came under fire in 2019.", "come", "came")
    assert not text_came("The agreement came as a surprise to investors.", "come", "came")
    assert not text_came("The declaration followed the summit in June.", "follow", "followed")
    assert not text_came("The treaty came in for criticism in 2019.", "come", "came")
    assert text_came("The declaration came in June 2012.", "come", "came")


def test_an_own_after_a_possessive_is_no_verb_of_owning():
    words = tokens("They run it on their own and the maker's own shop; we own two.")
    assert [w for j, w in enumerate(words) if intensifier(words, j)] == ["own", "own"]
    assert [c for _, c in lexicon().concepts_in("a studio of her own")] == [""]
    assert [c for _, c in lexicon().concepts_in("the investors own the studio")] == ["acquire"]
