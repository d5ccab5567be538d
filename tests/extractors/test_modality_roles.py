"""Plans and agents of dated statements, through the real model."""

from datetime import date

from tests.extractors.sample_statements import statements


def one(text, models, anchor=date(2020, 7, 16)):
    sts = statements(text, models, anchor)
    assert sts, text
    return sts[0]


def test_future_and_scheduled_statements_are_plans(models):
    assert one("NASA will launch the telescope in October 2021.", models).planned
    assert one("The observatory is currently scheduled to launch on Oct. 31, 2021.", models).planned
    assert one("NASA previously planned to launch the observatory in 2011.", models).planned
    assert one("The launch was delayed again to March 2019.", models).planned


def test_reports_of_what_happened_are_not_plans(models):
    assert not one("The telescope was launched on 25 December 2021.", models).planned
    assert not one("India ratified the agreement on 2 October 2016.", models).planned
    assert not one("The telescope, which was launched in 2021, will study the early universe.", models).planned


def test_the_agent_is_the_subject_or_the_by_phrase(models):
    st = one("China ratified the Paris Agreement on 3 September 2016.", models)
    assert st.agents and "China" in st.agents[0]
    passive = one("The agreement was signed by Mongolia in June 2012.", models)
    assert passive.agents and "Mongolia" in passive.agents[0]
    assert one("The agreement was signed in June 2012.", models).agents == ()


def _by_date(text, models):
    return {st.date.text: st for st in statements(text, models, date(2022, 9, 12))}


def test_the_announcement_of_a_plan_happened_on_its_date_the_plan_is_its_complement(models):
    sts = _by_date("NASA announced on 27 June 2018 that the telescope would launch in 2021.", models)
    assert sts["27 June 2018"].done and not sts["27 June 2018"].planned
    assert sts["2021"].planned and not sts["2021"].done
    sts = _by_date("In March 2021 NASA confirmed plans to launch on 31 October 2021.", models)
    assert sts["March 2021"].done
    assert not sts["31 October 2021"].done


def test_a_rescheduling_or_a_future_act_is_not_told_done(models):
    assert not one("The launch was delayed again to March 2019.", models).done
    assert not one("NASA will launch the telescope in October 2021.", models).done
    # only an announcement is told done here; other past acts are no plans anyway (the modality says so)
    launched = one("The telescope was launched on 25 December 2021.", models)
    assert not launched.planned and not launched.done


def test_an_earlier_first_time_or_an_earlier_report_is_no_plan(models):
    """"previously", "originally" mark a plan only on a plan or its date ("originally
    scheduled for 2018", "was originally for 2010"), not on a happening or a report."""
    assert not one("The song was originally released in 1990.", models).planned
    assert not one("As previously disclosed, on July 8, 2022 the buyer delivered a notice to end the deal.",
                   models).planned
    assert one("The launch was originally scheduled for October 2018.", models).planned
