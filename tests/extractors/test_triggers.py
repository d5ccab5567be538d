"""Trigger choice on parsed sentences, through the real parser."""

from __future__ import annotations

import pytest

from extractors.rule_switches import rules_off
from extractors.triggers import TriggerOptions, find_trigger, is_event_noun, trigger_lemma, when_clauses


def date_of(text: str, date_words: str, models):
    """(the date's root token, its token range) in the parse of ``text``: what find_trigger takes."""
    doc = models.parser(text)
    start = text.index(date_words)
    span = doc.char_span(start, start + len(date_words), alignment_mode="expand")
    return span.root, range(span.start, span.end)


def trigger_of(text: str, date_words: str, models) -> str | None:
    tok, _ = find_trigger(*date_of(text, date_words, models))
    return tok.text if tok is not None else None


@pytest.mark.parametrize("text, date_words, trigger", [
    ("NASA launched the telescope in December 2021.", "December 2021", "launched"),
    ("The year 2022 saw the launch of the telescope.", "2022", "launch"),  # a frame gives way to its event noun
    ("According to Reuters, the company sold the unit in 2021.", "2021", "sold"),  # a detached frame
    ("Research by Houzz in 2022 found that kitchens got bigger.", "2022", "Research"),  # an event noun the date modifies
    ("The product has been available since July 2015.", "July 2015", "available"),  # a copula's complement
    ("This week we have made a handful of improvements to the editor.", "This week", "improvements"),  # through "of"
])
def test_the_trigger_names_the_happening(models, text, date_words, trigger):
    assert trigger_of(text, date_words, models) == trigger


@pytest.mark.parametrize("text, date_words, trigger", [
    # a verb of taking part gives way to the happening of its "in" phrase
    ("Over the past three years, many small banks have engaged in mergers and takeovers.", "the past three years",
     "mergers"),
    # a copula gives way to its predicate noun, through "a form of"
    ("Quiet heat pumps were a big theme at the Lisbon fair in 2024.", "2024", "theme"),
    ("Chess has been my favourite form of therapy for the past decade.", "the past decade", "therapy"),
])
def test_frames_give_way_to_the_noun_of_the_happening(models, text, date_words, trigger):
    on = TriggerOptions(engaged_in=True)  # off by default
    tok, _ = find_trigger(*date_of(text, date_words, models), on)
    assert tok is not None and tok.text == trigger
    off = TriggerOptions(engaged_in=False, copula_noun=False)
    tok, _ = find_trigger(*date_of(text, date_words, models), off)
    assert tok is not None and tok.text != trigger


@pytest.mark.parametrize("text, date_words, trigger", [
    # switched on, a passive verb of scheduling gives way to its common-noun subject; a pronoun keeps the verb
    ("Instead of May 2, the opening is now targeted for June.", "June", "opening"),
    ("The summit is set for August 27, 2026.", "August 27, 2026", "summit"),
    ("It is scheduled for June 3, 2026.", "June 3, 2026", "scheduled"),
])
def test_a_scheduled_noun_takes_the_date_when_switched_on(models, text, date_words, trigger):
    tok, _ = find_trigger(*date_of(text, date_words, models), TriggerOptions(planned_subject=True))
    assert tok is not None and tok.text == trigger
    assert trigger_of(text, date_words, models) in ("targeted", "set", "scheduled")  # off by default


@pytest.mark.parametrize("text, date_words, not_trigger", [
    ("The chairman has been in office since 2018.", "2018", "chairman"),  # a person noun names no happening
    ("The OECD has been a source of data since 1961.", "1961", "data"),  # "source" is no kind noun
])
def test_a_copulas_subject_or_the_thing_of_its_source_is_no_trigger(models, text, date_words, not_trigger):
    assert trigger_of(text, date_words, models) != not_trigger


def test_a_name_as_a_copulas_subject_is_no_trigger(models):
    assert trigger_of("Linux is on my work laptop since 2008.", "2008", models) == "is"


def test_a_word_split_at_a_hyphen_keeps_its_parts_in_the_lemma(models):
    doc = models.parser("In 2021, Rahul co-founded the firm. A 2024 meta-analysis found gains. It was well received.")
    lemmas = {t.text: trigger_lemma(t) for t in doc if t.is_alpha}
    assert lemmas["co"] == lemmas["founded"] == "co-found"
    assert lemmas["analysis"] == "meta-analysis" and lemmas["received"] == "receive"


def test_a_phrasal_verb_keeps_its_particle_in_the_lemma(models):
    doc = models.parser("Plague wiped out half the town in 1348. The chief stepped down on Monday. "
                        "Apple did away with the key in 2016. The firm came in second in 2020.")
    lemmas = {t.text: trigger_lemma(t) for t in doc if t.pos_ == "VERB"}
    assert lemmas["wiped"] == "wipe out" and lemmas["stepped"] == "step down" and lemmas["did"] == "do away"
    assert lemmas["came"] == "come"  # "in" is no particle after its verb: "came in second" keeps the verb
    with rules_off({"phrasal-trigger"}):
        assert trigger_lemma(doc[1]) == "wipe"


def test_a_dated_setting_gives_its_date_to_the_clauses_happening(models):
    assert trigger_of("In a Nov. 5 letter, the doctors pleaded with the agency.", "Nov. 5", models) == "pleaded"
    # a dated happening keeps its date: the clause's happening took place in it
    assert trigger_of("A nurse was critically injured in the 1998 clinic bombing.", "1998", models) == "bombing"
    # the verb is a participle describing a noun: the setting's noun keeps the date
    assert trigger_of("We thank Ann for the lab course based on the kit during the Fall 2025 term.", "Fall 2025",
                      models) != "based"
    with rules_off({"setting-noun"}):
        assert trigger_of("In a Nov. 5 letter, the doctors pleaded with the agency.", "Nov. 5", models) == "letter"


def test_a_line_with_only_a_date_has_no_trigger(models):
    assert trigger_of("12 March 2024", "12 March 2024", models) is None


def test_event_nouns_by_suffix_and_vocabulary(models):
    doc = models.parser("The ratification and the bombing took place near the hospital.")
    by_text = {t.text: t for t in doc}
    assert is_event_noun(by_text["ratification"]) and is_event_noun(by_text["bombing"])
    assert not is_event_noun(by_text["hospital"])


@pytest.mark.parametrize("text, date_words, trigger", [
    # "edition", "connection", "intention" end like event nouns but name no happening
    ("The offer, advertised in today's editions of the newspaper, expires in November.", "today", "advertised"),
    ("A man was arrested in connection with the 1998 embassy blasts.", "1998", "arrested"),
])
def test_nouns_that_only_look_like_event_nouns_give_way(models, text, date_words, trigger):
    assert trigger_of(text, date_words, models) == trigger


@pytest.mark.parametrize("text, date_words, trigger", [
    # switched on, a date in the possessive dates its noun, whatever the verb around it tells
    ("A man was arrested in connection with last year's embassy blasts.", "last year", "blasts"),
    ("This year's results included a gain on the sale of the unit.", "This year", "results"),
    # not the subject of a content verb: the change is what the date tells
    ("Last year's sales rose 5%.", "Last year", "rose"),
])
def test_a_possessive_date_dates_its_noun_when_switched_on(models, text, date_words, trigger):
    tok, _ = find_trigger(*date_of(text, date_words, models), TriggerOptions(possessive_noun=True))
    assert tok is not None and tok.text == trigger


def test_a_noun_modifier_date_passes_over_a_noun_that_names_no_happening(models):
    # the noun-modifier switch and the possessive one share one test of the noun
    args = date_of("The offer, advertised in today's editions of the newspaper, expires in November.", "today", models)
    assert find_trigger(*args, TriggerOptions(noun_modifier=True, possessive_noun=False))[0].text == "advertised"


def test_a_possessive_date_is_the_verbs_by_default(models):
    assert trigger_of("A man was arrested in connection with last year's embassy blasts.", "last year", models) == "arrested"


def test_a_connection_made_is_a_happening(models):
    assert trigger_of("The plant's grid connection in May 2024 was a milestone.", "May 2024", models) == "connection"


@pytest.mark.parametrize("text, date_words, trigger", [
    ("The company redeemed its debentures due March 1, 2011.", "March 1, 2011", "due"),  # an adjective the date qualifies
    ("Protesters planned a large demonstration on Saturday.", "Saturday", "demonstration"),  # what is planned
    ("Syria signalled its interest in remarks made last week by its ambassador.", "last week", "remarks"),  # a light participle
    ("Police said on Tuesday they had arrested 14 foreigners.", "Tuesday", "said"),  # before the clause said
])
def test_the_trigger_past_adjectives_plans_and_light_participles(models, text, date_words, trigger):
    assert trigger_of(text, date_words, models) == trigger


def test_a_date_before_a_noun_dates_the_noun_only_when_switched_on(models):
    text = "Ogden reported third-quarter net income of $27.1 million."
    doc = models.parser(text)
    start = text.index("third-quarter")
    span = doc.char_span(start, start + len("third-quarter"), alignment_mode="expand")
    args = (span.root, range(span.start, span.end))
    assert find_trigger(*args, TriggerOptions(noun_modifier=True))[0].text == "income"
    assert find_trigger(*args, TriggerOptions(noun_modifier=False, determined_noun=False))[0].text == "reported"


@pytest.mark.parametrize("text, date_words, trigger", [
    ("The missing boat was found drifting off the coast on 3 May.", "3 May", "found"),  # a participle's state
    ("The council voted to close the library on Friday.", "Friday", "voted"),  # an infinitive of a verb that does not look ahead
    ("The company hopes to open its second plant in 2027.", "2027", "open"),  # looking ahead ("hopes": lemmatised "hop")
    ("Rising costs led the bakery to raise its prices last month.", "last month", "raise"),  # what a cause brings about
    ("The firm said its European business was weak during the quarter.", "the quarter", "weak"),  # a copula's clause
])
def test_the_date_of_a_complement_and_of_its_governing_verb(models, text, date_words, trigger):
    assert trigger_of(text, date_words, models) == trigger


def test_a_clause_opened_by_when_after_the_date_tells_a_second_happening(models):
    args = date_of("She moved to Lisbon in 1998, when the bridge opened.", "1998", models)
    assert [t.text for t in when_clauses(*args, TriggerOptions(when_clause=True))] == ["opened"]
    assert when_clauses(*args, TriggerOptions(when_clause=False)) == []
    assert find_trigger(*args)[0].text == "moved"


@pytest.mark.parametrize("text, date_words, trigger", [
    ("The new law tightened the 1962 trade embargo on the island.", "1962", "embargo"),  # the noun phrase names one dated thing
    ("The company's third-quarter profit rose 8%.", "third-quarter", "rose"),  # not the subject of a content verb
])
def test_a_date_between_a_determiner_and_its_noun(models, text, date_words, trigger):
    assert trigger_of(text, date_words, models) == trigger


def test_the_determined_noun_rule_is_what_dates_the_noun(models):
    args = date_of("The new law tightened the 1962 trade embargo on the island.", "1962", models)
    assert find_trigger(*args, TriggerOptions(determined_noun=True))[0].text == "embargo"
    assert find_trigger(*args, TriggerOptions(determined_noun=False))[0].text == "tightened"


def test_a_light_verb_gives_way_to_its_object_before_its_subject(models):
    assert trigger_of("Its operations had a loss of $5 million in the third quarter.", "the third quarter", models) == "loss"


def test_a_date_before_the_object_of_a_verb_dates_the_object(models):
    assert trigger_of("The utility reported third-quarter net income of $27 million.", "third-quarter", models) == "income"


def test_a_planned_participle_stands_for_the_noun_it_describes(models):
    assert trigger_of("A memorial service planned for Saturday was called off.", "Saturday", models) == "service"


def test_a_when_clause_statement_is_dated_at_the_date_itself(models):
    from datetime import date

    from extractors.events import statements_from_parse
    from extractors.timex import date_mentions

    text = "The shares have fallen since August 2019, when they traded at ten dollars."
    doc = models.parser(text)
    dates = date_mentions(text, date(2020, 1, 1))
    got = statements_from_parse(text, (0, len(text)), doc, dates, [], TriggerOptions(when_clause=True))
    roles = {st.trigger: st.date.role for st in got}
    assert roles.get("trade") == "point"
    assert "trade" not in {st.trigger for st in statements_from_parse(text, (0, len(text)), doc, dates, [])}


@pytest.mark.parametrize("text, date_words, switch, on, off", [
    # the change is what the date tells, not the measure that changes
    ("Third-quarter sales dropped 11% to $1.27 billion.", "Third-quarter", "measure_change", "dropped", "sales"),
    # "for <period>" after a verb's object: the object's period, not the time of reporting
    ("Ogden reported net income of $27 million for the third quarter.", "the third quarter", "for_period_object",
     "income", "reported"),
    ("The bank reported a profit for the third quarter.", "the third quarter", "for_period_object", "profit", "reported"),
    # a participle working as a preposition names no happening
    ("Savin posted a loss, compared with year-earlier profit of $3.8 million.", "year-earlier",
     "prepositional_participle", "profit", "compared"),
    # "dating back to" tells how old a thing is
    ("Visitors admired a stone bridge dating back to 1350.", "1350", "dating_verb", "bridge", "dating"),
])
def test_measures_periods_and_prepositional_participles(models, text, date_words, switch, on, off):
    args = date_of(text, date_words, models)
    assert find_trigger(*args, TriggerOptions(**{switch: True}))[0].text == on
    assert find_trigger(*args, TriggerOptions(**{switch: False}))[0].text == off


def test_a_letter_dated_a_day_keeps_its_dating(models):
    assert trigger_of("The lawyers sent a letter dated Monday to the court.", "Monday", models) == "dated"


def test_an_editorial_is_no_happening(models):
    assert trigger_of("The New York Times said in an editorial on Monday that the plan had failed.", "Monday",
                      models) == "said"


@pytest.mark.parametrize("text, date_words, trigger", [
    # a source frame gives way to its object noun when the date is in the object
    ("Based on a survey of its members from 2017, the club reports growth.", "2017", "survey"),
    ("According to figures from 2024, sales rose.", "2024", "figures"),
    # ... not to a noun that is neither a happening nor a source of figures; nor when the date is its own object
    ("According to the head of the agency in 2019, sales fell.", "2019", "fell"),
    ("Based on sales data through June 2024, the forecast was cut.", "June 2024", "cut"),
    # guards (these held before the frame rules too):
    # a participle that opens a time gives the date to its clause
    ("Starting January 1st, 2024, the client will only support newer systems.", "January 1st, 2024", "support"),
    ("Beginning in May 2025, the library will open on Sundays.", "May 2025", "open"),
    ("She started the company in 2019.", "2019", "started"),  # a content verb of its own clause
    # a light verb's indefinite object names the happening; possession stays with the verb
    ("I have booked rooms many times and have never had a problem until this year.", "this year", "problem"),
    ("The crew had an accident in March near the harbour.", "March", "accident"),
    ("I have had my car since 2015.", "2015", "had"),  # guard
    # ownership: an indefinite object that befalls no one is owned, not a happening
    ("He had a car in 2019.", "2019", "had"),
    ("We had a dog until 2015.", "2015", "had"),
    ("They had a house in Paris until 2010.", "2010", "had"),
    ("She has a degree from 2010.", "2010", "has"),
    ("The firm had a revenue of $5 million in 2020.", "2020", "had"),
    # a stretch of time tells how a time went
    ("We had a great summer in 2020.", "2020", "had"),
    ("We had a lovely evening on Friday.", "Friday", "had"),
    ("They had an hour on Monday.", "Monday", "had"),
    ("The firm had a decade of growth after 2000.", "2000", "had"),
    # guard: a study noun dated before it is the happening, whatever verb follows
    ("He is a historian whose 2018 review of archive records changed the debate.", "2018", "review"),
])
def test_frames_give_way_to_the_word_that_names_the_happening(models, text, date_words, trigger):
    assert trigger_of(text, date_words, models) == trigger


def test_a_symbol_is_never_a_trigger(models):
    # the parser makes the tick an adjective heading the line: a verbless line's head, were it a word
    assert trigger_of("✓ Since 2019", "2019", models) is None


def test_a_participle_with_arguments_of_its_own_keeps_the_date(models):
    assert trigger_of("We booked a cruise starting from London in June 2023.", "June 2023", models) == "starting"


@pytest.mark.parametrize("text, date_words, trigger", [
    ("The company had a one-time charge of $14.8 million in the latest quarter.", "the latest quarter", "charge"),
    ("We will have a reasonably flat year this year.", "this year", "have"),  # how a stretch of time went
    ("The company has no intention of tapping its bank lines for a good part of 1990.", "1990", "tapping"),
])
def test_have_gives_way_only_to_an_indefinite_object_naming_no_time(models, text, date_words, trigger):
    assert trigger_of(text, date_words, models) == trigger


def test_a_soft_hyphen_or_zero_width_mark_is_no_part_of_the_lemma(models):
    doc = models.parser("The regis\u00adtra\u00adtions open in May 2026 and the work\u200bshop follows.")
    lemmas = {t.lemma_.lower(): trigger_lemma(t) for t in doc if t.is_alpha or "\u00ad" in t.text or "\u200b" in t.text}
    assert "registration" in lemmas.values() and "workshop" in lemmas.values()


def lemma_of(text: str, date_words: str, models) -> str | None:
    tok, _ = find_trigger(*date_of(text, date_words, models))
    return trigger_lemma(tok) if tok is not None else None


@pytest.mark.parametrize("text, date_words, trigger", [
    # a verb of undergoing or carrying out gives way to its event-noun object
    ("On May 3, the bank experienced an outage that locked customers out.", "May 3", "outage"),
    ("The clinic conducted a survey of its patients in March 2024.", "March 2024", "survey"),
    ("The home side suffered a heavy defeat on Saturday.", "Saturday", "defeat"),
    # an object that names no happening keeps the verb
    ("The region experienced heavy rain in April 2023.", "April 2023", "experience"),
])
def test_a_verb_of_undergoing_gives_way_to_the_happening_it_carries(models, text, date_words, trigger):
    assert lemma_of(text, date_words, models) == trigger
    with rules_off(["undergone-happening"]):
        assert lemma_of(text, date_words, models) in ("experience", "conduct", "suffer")


@pytest.mark.parametrize("text, date_words, trigger, verb", [
    # a verb of occurring gives way to its subject, a support verb to its object or passive subject
    ("The death occurred Saturday.", "Saturday", "death", "occur"),
    ("Since 2015, 289 electrical accidents have occurred.", "Since 2015", "accident", "occur"),
    ("The company reached a settlement with the attorney general in May.", "May", "settlement", "reach"),
    ("They held talks on Monday.", "Monday", "talk", "hold"),
    ("The vote will be held on Tuesday.", "Tuesday", "vote", "hold"),
    ("Testing conducted by the lab in April 2025 showed a gain.", "April 2025", "testing", "conduct"),
    ("Tickets go on sale Friday.", "Friday", "sale", "go"),
    # an object that names no happening keeps the verb
    ("Sales reached $5 million in May.", "May", "reach", "reach"),
])
def test_a_support_verb_gives_way_to_the_happening_it_names(models, text, date_words, trigger, verb):
    assert lemma_of(text, date_words, models) == trigger
    with rules_off(["support-verb"]):
        assert lemma_of(text, date_words, models) == verb


@pytest.mark.parametrize("text, date_words, trigger", [
    # an announcement made gives way to the happening it tells as done that day
    ("On Tuesday, the agency announced the selection of four builders for the probe.", "Tuesday", "selection"),
    ("The airline announced an order of 20 jets on Monday.", "Monday", "order"),
    # a happening to come, or an announcement to come, keeps the announcing verb
    ("The agency announced May 4 that it would add two firms to the contract.", "May 4", "announce"),
    ("Last week the firm announced its agreement to buy the mill.", "Last week", "announce"),
    ("On May 4 the firm announced a large investment in 2027.", "On May 4", "announce"),
    ("The studio announced the upcoming release of its film on Monday.", "Monday", "announce"),
    # a happening the announcing does not complete may be a plan or wait on something: the announcing verb
    ("On Monday the retailer announced the opening of a new store.", "Monday", "announce"),
    ("On Monday the council announced a review of the library service.", "Monday", "announce"),
    ("The firm announced the acquisition of Acme on Tuesday, pending approval.", "Tuesday", "announce"),
    ("On Monday, the studio will announce the merger.", "Monday", "announce"),
])
def test_an_announcement_gives_way_to_the_happening_of_its_day(models, text, date_words, trigger):
    assert lemma_of(text, date_words, models) == trigger
    with rules_off(["announced-happening"]):
        assert lemma_of(text, date_words, models) == "announce"


def test_a_thing_that_has_been_around_since_a_date_is_the_trigger(models):
    text = "Attempts to cure the disease have been around since 1990."
    assert lemma_of(text, "1990", models) == "attempt"
    with rules_off(["been-around"]):
        assert lemma_of(text, "1990", models) == "be"


def test_a_person_who_has_been_around_is_no_trigger(models):
    # a person around since a date has lived since then: no happening of the noun
    assert lemma_of("My grandfather has been around since 1931.", "1931", models) == "be"


@pytest.mark.parametrize("text, lemma", [
    ("Maria installed the heat pump in 2019.", "install"),
    ("The network axed the series in 2021.", "axe"),
    ("They rebuilt it in 2019.", "rebuild"),
])
def test_a_lemma_the_lemmatiser_gets_wrong_is_repaired(models, text, lemma):
    assert lemma_of(text, text.split()[-1].rstrip("."), models) == lemma
    with rules_off(["lemma-repairs"]):
        assert lemma_of(text, text.split()[-1].rstrip("."), models) != lemma


@pytest.mark.parametrize("text, date_words, holder, phrase", [
    # a clause opened by "since" in the simple past: the main clause holds from its date on
    ("Since the museum reopened in 2019, visitors have praised its new wing.", "2019", "praised", "reopened"),
    ("The fleet has grown since the airline was founded in 1985.", "1985", "grown", "founded"),
    # after a past clause a "since" clause tells its start
    ("The city put new fees in place since the bridge opened in 2019.", "2019", "put", "opened"),
    # a "since" phrase naming the happening by a noun
    ("Since the sale of the mill in 2008, the town has lost many jobs.", "2008", "lost", "Since"),
    ("Since his decision to retire last spring, the club has kept his seat empty.", "last spring", "kept", "Since"),
])
def test_a_since_phrase_dates_the_clause_it_opens(models, text, date_words, holder, phrase):
    from extractors.triggers import since_holder

    tok, _ = find_trigger(*date_of(text, date_words, models))
    found = since_holder(tok)
    assert found is not None and (found[0].text, found[1].text) == (holder, phrase)


@pytest.mark.parametrize("text, date_words", [
    # "since" giving a reason: a present or a perfect clause
    ("Since we have already booked the hall for May 2026, we are selling tickets.", "May 2026"),
    ("Since the tickets are on sale in June, we are hiring staff.", "June"),
    # a simple past main clause: the "since" clause gives its reason
    ("Since the shop closed on March 3, I bought my bread at the market.", "March 3"),
    # no "since" above the date's happening
    ("After the mill closed in 2008, the town lost many jobs.", "2008"),
    # the date is the since-phrase itself: the clause's own date, nothing more
    ("The town has lost many jobs since 2008.", "2008"),
])
def test_no_since_phrase_gives_no_second_happening(models, text, date_words):
    from extractors.triggers import since_holder

    tok, _ = find_trigger(*date_of(text, date_words, models))
    assert tok is None or since_holder(tok) is None


def test_a_units_letter_names_no_happening(models):
    # a chart row's year, running time and rating: "m" (minutes) is no trigger
    assert trigger_of("2025 2h 13m PG-13", "2025", models) != "m"
