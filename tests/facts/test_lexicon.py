"""What kind of happening a statement tells."""

from facts.lexicon import date_phrase_concept, happening_concept, inflections, lexicon


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
    assert lex.lookup("agreement") == lex.lookup("agree")
    assert lex.lookup("sign") != lex.lookup("ratify")
    assert lex.lookup("financing") == lex.lookup("funding") == lex.lookup("finance") != lex.lookup("agree")
    # a timeline's "lines up financing for the deal" and "details his financing plan" tell one happening
    assert happening_concept("line", "Musk lines up $46.5 billion in financing for the deal", "lines") \
        == happening_concept("detail", "Elon Musk details his financing plan", "details")


def test_a_plan_tells_the_happening_its_clause_names():
    assert happening_concept("schedule", "The telescope is scheduled to launch in March 2019.", "scheduled") == "launch"
    assert happening_concept("delay", "NASA delayed the launch, long scheduled for October 2018.", "delayed") == "launch"


def test_a_report_is_an_announcement_of_what_it_reports():
    assert happening_concept("say", "Trump said he will withdraw the United States from the agreement.", "said") \
        == "announce:withdraw"
    assert happening_concept("say", "He said so on Thursday.", "said") == "announce"


def test_unknown_words_stand_for_themselves_and_names_are_not_words():
    assert happening_concept("shipment", "the shipment of Webb to French Guiana") == "?shipment"
    # an unknown verb whose clause names a known kind of happening tells that kind
    assert happening_concept("reverse", "Musk reversed course by proposing a purchase.", "reversed") == "offer"
    assert happening_concept("be", "The Paris Agreement was in the news in 2015.", names=("Paris Agreement",)) is None


def test_capitalised_words_inside_a_sentence_are_names_not_happenings():
    from facts.lexicon import clause_concepts, happening_concept

    assert "agree" not in clause_concepts("Trump withdraws from Climate Agreement on Thursday")
    assert happening_concept("say", "Trump said he will withdraw from the Climate Agreement") == "announce:withdraw"
    assert happening_concept("be", "Launched on 25 December, the telescope is far away") == "launch"


def test_a_clause_that_names_a_plan_says_plan():
    from facts.lexicon import says_plan

    assert says_plan("NASA confirmed plans to launch the telescope on 18 December")
    assert says_plan("the launch, long scheduled for October 2018")
    assert not says_plan("The telescope launched on 25 December 2021.")
    assert not says_plan("Trump said he will withdraw from the landmark 2015 agreement.")


def _dated(sentence: str, date_text: str, names: tuple[str, ...] = ()) -> str | None:
    at = sentence.index(date_text)
    return date_phrase_concept(sentence, at, at + len(date_text), names)


def test_the_dates_own_phrase_names_what_it_dates():
    assert _dated("It notified its withdrawal from the Treaty, adopted in Geneva on 3 May 1990.", "3 May 1990",
                  ("Treaty", "Geneva")) == "adopt"
    assert _dated("It marks four years since its launch on 25 December 2021.", "25 December 2021") == "launch"
    assert _dated("He vowed to undo the 2015 Climate Accord.", "2015") == "agree"
    assert _dated("It left the Kyoto Agreement of 11 December 1997.", "11 December 1997", ("Kyoto Agreement",)) \
        == "agree"


def test_a_date_of_the_clause_itself_names_nothing_more():
    assert _dated("On 25 December 2021, the telescope embarked on a journey.", "25 December 2021") is None
    assert _dated("Musk offers to buy Twitter on April 14, 2022.", "April 14, 2022") is None  # a name, not a phrase
    assert _dated("It was opened for signature on 22 April 2016.", "22 April 2016") is None  # a purpose's noun
    assert _dated("During the climate meet in December, nations agreed.", "December") is None  # a frame
    assert _dated("In 2015 signed the accord.", "2015") is None
    assert _dated("NASA delayed the launch, long scheduled for October 2018.", "October 2018") is None  # a plan word


def test_an_aside_on_a_participant_names_no_happening():
    # "much of which was built": the telescope's, not what the plan is for
    assert happening_concept("schedule", "The telescope, much of which was built at Goddard, is now scheduled to go "
                             "from a pad in South America in March 2019.", "scheduled") == "plan"


def test_setting_off_on_a_journey_is_a_launch():
    assert happening_concept("embark", "The telescope embarked on a journey to L2.", "embarked") == "launch"
    assert happening_concept("set", "The probe set off for Mars.", "set off") == "launch"


def test_a_label_of_a_table_read_as_a_sentence_names_its_dates_happening():
    box = "Location New York Signed 22 April 2016 Sealed 12 December 2015 Effective 4 November 2016"
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
    # "no longer wanted to buy ... call off the purchase": a termination, not an acquisition
    assert happening_concept("decide", "In July, Musk decided he no longer wanted to buy Twitter and attempted "
                             "to call off the purchase.", "decided") == "terminate"
    assert happening_concept("move", "He moved to terminate the acquisition last Friday.", "moved") == "terminate"
    # a refused or negated joining is a refusal, told alike in other words
    rejected = happening_concept("announce", "Agrawal announces that Musk has rejected the offer to join the board.",
                                 "announces", names=("Agrawal", "Musk"))
    wont = happening_concept("inform", "Agrawal informed that Musk won’t be joining the board.", "informed",
                             names=("Agrawal", "Musk"))
    assert rejected == wont == "announce:refuse"
    assert happening_concept("join", "The country did not join the alliance.", "join") == "refuse"
    # what is not negated keeps its kind
    assert happening_concept("offer", "Musk offers to buy Twitter for $54.20 per share.", "offers") == "offer"
    assert happening_concept("join", "The country joined the alliance in 2004.", "joined") == "join"


def test_a_governed_trigger_tells_its_governors_kind():
    # the parse's trigger is the object of an offer: the happening is the offer
    assert happening_concept("buy", "The saga began with Musk originally offering to buy Twitter in April.",
                             "buy") == "offer"
    # also when the clause was summarised without the governor: the sentence's governor
    sentence = "The saga began with Musk originally offering to buy Twitter in April."
    assert happening_concept("buy", "The saga: to buy Twitter in April.", "buy", sentence) == "offer"
    # a state of waiting for a happening is neither the happening waited for nor its subject
    assert happening_concept("acquisition", "As of April, the acquisition is pending approval from regulators.",
                             "acquisition") == "pending"
    # a refusal governs the offer it rejects and what that offer was for
    assert happening_concept("join", "Musk has rejected the offer to join the board.", "join") == "refuse"
    assert happening_concept("purchase", "Musk attempted to call off the purchase.", "purchase") == "terminate"
    # not governed: its own kind
    assert happening_concept("buy", "Musk bought Twitter in October.", "bought") == "acquire"


def test_an_unknown_verb_in_a_clause_that_reports_tells_the_saying():
    said = ('"The reason I acquired the company is its future," he said in a statement posted to his account '
            "on Thursday.")
    assert happening_concept("post", said, "posted") == "announce:acquire"
    # no report word: what the clause names
    assert happening_concept("caps", "The deal caps a saga of the acquisition.", "caps") == "acquire"
