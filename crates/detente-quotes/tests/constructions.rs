//! Every construction the extractor covers, on sentences written for these tests.

mod common;

use common::quotes_of;
use detente_core::{Quote, QuoteKind};

/// The quote whose content starts with `start`; fails listing what was found.
fn quote<'q>(quotes: &'q [Quote], start: &str) -> &'q Quote {
    quotes
        .iter()
        .find(|q| q.content.text.starts_with(start))
        .unwrap_or_else(|| {
            let found: Vec<(&QuoteKind, &str)> = quotes
                .iter()
                .map(|q| (&q.kind, q.content.text.as_str()))
                .collect();
            panic!("no quote starting with {start:?}; found {found:#?}")
        })
}

fn speaker(q: &Quote) -> &str {
    q.speaker
        .as_ref()
        .map(|s| s.text.as_str())
        .unwrap_or_else(|| panic!("{:?} has no speaker", q.content.text))
}

fn cue(q: &Quote) -> &str {
    q.cue
        .as_ref()
        .map(|c| c.text.as_str())
        .unwrap_or_else(|| panic!("{:?} has no cue", q.content.text))
}

#[test]
fn straight_quotes_with_the_frame_after() {
    let (_, quotes) = quotes_of(
        "\"We will not back down,\" Mayor Helen Ortiz said on Tuesday.",
        None,
    );
    let q = quote(&quotes, "We will not back down");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(q), "Mayor Helen Ortiz");
    assert_eq!(cue(q), "said");
    assert_eq!(q.id, "q1");
    assert_eq!(q.sentences, vec![0]);
}

#[test]
fn a_stance_verb_after_an_apposition_is_no_inverted_frame() {
    let (_, quotes) = quotes_of(
        "Okafor, the governor, accused rival officials of stealing ballots.",
        None,
    );
    let q = quote(&quotes, "rival officials");
    assert_eq!(speaker(q), "Okafor, the governor");
    assert_eq!(cue(q), "accused");
}

#[test]
fn a_relative_clause_of_the_speaker_is_neither_frame_nor_report() {
    let (_, quotes) = quotes_of(
        "Okafor, who has ruled the state since 2019, said the ballots were stolen.",
        None,
    );
    assert_eq!(
        quotes.len(),
        1,
        "{:#?}",
        quotes.iter().map(|q| &q.content.text).collect::<Vec<_>>()
    );
    let q = quote(&quotes, "the ballots were stolen");
    assert_eq!(speaker(q), "Okafor, who has ruled the state since 2019");
}

#[test]
fn curly_quotes_told_reporters() {
    let (doc, quotes) = quotes_of(
        "“The talks were useful and frank,” the envoy told reporters.",
        None,
    );
    let q = quote(&quotes, "The talks were useful");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(q), "the envoy");
    assert_eq!(cue(q), "told");
    // Content spans point into the text.
    assert_eq!(
        &doc.text[q.content.span.start as usize..q.content.span.end as usize],
        q.content.text
    );
}

#[test]
fn single_marks_around_a_partial_quote() {
    let (_, quotes) = quotes_of(
        "The senator called the plan ‘a reckless gamble’ on Monday.",
        None,
    );
    let q = quote(&quotes, "a reckless gamble");
    assert_eq!(q.kind, QuoteKind::Partial);
    assert_eq!(speaker(q), "The senator");
    assert_eq!(cue(q), "called");
}

#[test]
fn multi_sentence_quote_is_one_quote() {
    let (_, quotes) = quotes_of(
        "“Our borders are secure. We have nothing to fear,” the general said.",
        None,
    );
    let q = quote(&quotes, "Our borders are secure.");
    assert!(
        q.content.text.ends_with("nothing to fear"),
        "{}",
        q.content.text
    );
    assert_eq!(q.sentences, vec![0, 1]);
    assert_eq!(speaker(q), "the general");
}

#[test]
fn quote_interrupted_by_its_attribution() {
    let (_, quotes) = quotes_of(
        "“We are ready to talk,” he said, “but we will not wait forever.”",
        None,
    );
    let first = quote(&quotes, "We are ready to talk");
    let second = quote(&quotes, "but we will not wait forever");
    for q in [first, second] {
        assert_eq!(q.kind, QuoteKind::Direct);
        assert_eq!(speaker(q), "he");
    }
    assert_eq!(first.cue, second.cue, "both parts share the cue");
}

#[test]
fn quote_continued_in_the_next_paragraph() {
    let text = "The prime minister spoke for an hour. “We inherited a broken economy,” she said. \
                “Every family in the country has felt it.\n\n“We will fix it together, street by street.”\n";
    let (_, quotes) = quotes_of(text, None);
    let opening = quote(&quotes, "Every family");
    let continued = quote(&quotes, "We will fix it together");
    assert_eq!(speaker(opening), "she");
    assert_eq!(speaker(continued), "she");
    let how = &continued.speaker.as_ref().unwrap().how;
    assert!(how.contains("continues"), "{how}");
    assert_eq!(continued.cue, opening.cue);
}

#[test]
fn quote_after_a_colon() {
    let (_, quotes) = quotes_of(
        "The spokesman told journalists: “No decision has been taken yet.”",
        None,
    );
    let q = quote(&quotes, "No decision");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(q), "The spokesman");
    assert_eq!(cue(q), "told");
}

#[test]
fn partial_quote_governed_by_a_cue_verb() {
    let (_, quotes) = quotes_of(
        "Lopez vowed “a swift response” if the border was crossed again.",
        None,
    );
    let q = quote(&quotes, "a swift response");
    assert_eq!(q.kind, QuoteKind::Partial);
    assert_eq!(speaker(q), "Lopez");
    assert_eq!(cue(q), "vowed");
}

#[test]
fn indirect_said_that() {
    let (_, quotes) = quotes_of(
        "The foreign minister said that the embassy would reopen next month.",
        None,
    );
    let q = quote(&quotes, "that the embassy");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.content.text, "that the embassy would reopen next month");
    assert_eq!(speaker(q), "The foreign minister");
    assert_eq!(cue(q), "said");
}

#[test]
fn indirect_told_reporters_and_added() {
    let text = "Garcia told reporters the ceasefire was holding. He added that talks would resume on Monday.";
    let (_, quotes) = quotes_of(text, None);
    let told = quote(&quotes, "the ceasefire was holding");
    assert_eq!((speaker(told), cue(told)), ("Garcia", "told"));
    let added = quote(&quotes, "that talks would resume");
    assert_eq!((speaker(added), cue(added)), ("He", "added"));
}

#[test]
fn indirect_according_to() {
    let (_, quotes) = quotes_of(
        "The convoy was attacked near the border, according to the interior ministry.",
        None,
    );
    let q = quote(&quotes, "The convoy was attacked");
    assert_eq!(q.content.text, "The convoy was attacked near the border");
    assert_eq!(speaker(q), "the interior ministry");
    assert_eq!(cue(q), "according to");
}

#[test]
fn indirect_statement_that() {
    let (_, quotes) = quotes_of(
        "The ministry's statement that the strike was illegal angered the unions.",
        None,
    );
    let q = quote(&quotes, "that the strike was illegal");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert!(speaker(q).contains("ministry"), "{}", speaker(q));
    assert_eq!(cue(q), "statement");
}

#[test]
fn indirect_in_a_statement() {
    let (_, quotes) = quotes_of(
        "In a statement, the rebels rejected the new proposal.",
        None,
    );
    let q = quote(&quotes, "the rebels rejected");
    assert_eq!(speaker(q), "the rebels");
    assert_eq!(cue(q), "statement");
}

#[test]
fn indirect_report_before_its_frame() {
    let (_, quotes) = quotes_of("The talks will continue next week, officials said.", None);
    let q = quote(&quotes, "The talks will continue");
    assert_eq!(q.content.text, "The talks will continue next week");
    assert_eq!((speaker(q), cue(q)), ("officials", "said"));
}

#[test]
fn quote_without_a_frame_takes_the_paragraph_speaker() {
    let text = "Ambassador Lin Wei said the visit had gone well. “This is a historic day for both of our nations.”";
    let (_, quotes) = quotes_of(text, None);
    let q = quote(&quotes, "This is a historic day");
    assert!(speaker(q).contains("Lin Wei"), "{}", speaker(q));
    assert!(q.cue.is_none());
    let how = &q.speaker.as_ref().unwrap().how;
    assert!(how.contains("nearest speaker in the paragraph"), "{how}");
}

#[test]
fn scare_quotes_are_not_quotations() {
    let (_, quotes) = quotes_of(
        "The ship, nicknamed “the Iron Lady” by sailors, entered the port.",
        None,
    );
    assert!(quotes.is_empty(), "{quotes:#?}");
}

#[test]
fn speaker_codes_come_from_actor_mentions() {
    let text = "Secretary of State Antony Blinken said Washington would answer in writing.";
    let (doc, quotes) = quotes_of(text, chrono::NaiveDate::from_ymd_opt(2022, 1, 21));
    let q = quote(&quotes, "Washington would answer");
    let speaker = q.speaker.as_ref().unwrap();
    assert!(speaker.text.ends_with("Blinken"), "{}", speaker.text);
    assert!(
        speaker.how.starts_with("subject of 'said'"),
        "{}",
        speaker.how
    );
    // With the actor stage, the speaker carries the code of the mention covering its head.
    let head = doc
        .tokens
        .iter()
        .position(|t| doc.text[t.span.start as usize..t.span.end as usize] == *"Blinken")
        .unwrap() as u32;
    if let Some(mention) = doc.actors.iter().find(|m| m.tokens.contains(&head)) {
        assert_eq!(speaker.code, mention.code);
        assert!(
            speaker.how.contains("; "),
            "resolution described: {}",
            speaker.how
        );
    }
}

#[test]
fn document_without_syntax_has_no_quotes() {
    let mut doc =
        detente_core::Document::new("plain", "“Yes,” she said.", detente_core::Meta::english());
    detente_pipeline::Pipeline::segmentation().run(&mut doc);
    assert!(detente_quotes::QuoteExtractor::new()
        .extract(&doc)
        .is_empty());
}

#[test]
fn stance_verb_takes_its_object_as_content() {
    let (_, quotes) = quotes_of(
        "The farmers' union endorsed the governor's budget plan on Friday.",
        None,
    );
    let q = quote(&quotes, "the governor's budget plan");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!((speaker(q), cue(q)), ("The farmers' union", "endorsed"));
}

#[test]
fn stance_participle_shares_the_subject_of_its_clause() {
    let (_, quotes) = quotes_of(
        "The minister left the meeting early, calling the offer an insult.",
        None,
    );
    let q = quote(&quotes, "the offer an insult");
    assert_eq!((speaker(q), cue(q)), ("The minister", "calling"));
}

#[test]
fn a_verb_of_time_or_place_is_no_stance() {
    let (_, quotes) = quotes_of("The delegation reported from the capital on Monday.", None);
    assert!(quotes.is_empty(), "{quotes:#?}");
}

#[test]
fn speaker_span_keeps_the_apposition() {
    let (_, quotes) = quotes_of(
        "Maria Costa, a lawyer for the families, said the ruling would be appealed.",
        None,
    );
    let q = quote(&quotes, "the ruling would be appealed");
    assert_eq!(speaker(q), "Maria Costa, a lawyer for the families");
}

#[test]
fn cue_noun_with_an_owner_and_an_object() {
    let (_, quotes) = quotes_of(
        "The mayor's criticism of the new toll angered the drivers.",
        None,
    );
    let q = quote(&quotes, "the new toll");
    assert_eq!((speaker(q), cue(q)), ("The mayor", "criticism"));
}

#[test]
fn intent_verb_takes_its_infinitive() {
    let (_, quotes) = quotes_of(
        "The growers hope to sell their grain abroad next year.",
        None,
    );
    let q = quote(&quotes, "to sell their grain abroad");
    assert_eq!((speaker(q), cue(q)), ("The growers", "hope"));
}

#[test]
fn inverted_frame_with_a_described_speaker() {
    let text = "The harvest was the worst in a decade, said a farmer from the valley, Lena Ortiz, who has grown wheat there for years.";
    let (_, quotes) = quotes_of(text, None);
    let q = quote(&quotes, "The harvest was");
    assert_eq!(q.content.text, "The harvest was the worst in a decade");
    assert_eq!(
        speaker(q),
        "a farmer from the valley, Lena Ortiz, who has grown wheat there for years"
    );
    assert_eq!(cue(q), "said");
}

#[test]
fn adjective_with_a_clause_reports_a_belief() {
    let (_, quotes) = quotes_of("The coach is confident that the team will recover.", None);
    let q = quote(&quotes, "that the team will recover");
    assert_eq!((speaker(q), cue(q)), ("The coach", "confident"));
}

#[test]
fn subject_split_by_the_parser_keeps_its_title() {
    let (_, quotes) = quotes_of(
        "Independent presidential hopeful Maria Lopez said the deadline would slip.",
        None,
    );
    let q = quote(&quotes, "the deadline would slip");
    assert_eq!(speaker(q), "Independent presidential hopeful Maria Lopez");
}

#[test]
fn seeming_and_expected_are_reported_without_a_source() {
    let (_, quotes) = quotes_of(
        "The governor seemed to be losing patience with the council.",
        None,
    );
    let q = quote(&quotes, "The governor seemed to be losing patience");
    assert_eq!((q.speaker.is_none(), cue(q)), (true, "seemed"));
    let (_, quotes) = quotes_of("The minister is expected to resign within days.", None);
    let q = quote(&quotes, "The minister is expected to resign");
    assert_eq!((q.speaker.is_none(), cue(q)), (true, "expected"));
}

#[test]
fn passive_cue_takes_its_agent_as_speaker() {
    let (_, quotes) = quotes_of(
        "The decision was announced by the ministry on Friday.",
        None,
    );
    let q = quote(&quotes, "The decision");
    assert_eq!((speaker(q), cue(q)), ("the ministry", "was announced"));
}

#[test]
fn intent_verb_keeps_the_object_it_urges() {
    let (_, quotes) = quotes_of("The mayor urged residents to stay indoors.", None);
    let q = quote(&quotes, "residents to stay indoors");
    assert_eq!((speaker(q), cue(q)), ("The mayor", "urged"));
}

#[test]
fn stance_content_stops_before_time_and_place() {
    let (_, quotes) = quotes_of("The senator endorsed her rival on Tuesday.", None);
    let q = quote(&quotes, "her rival");
    assert_eq!(q.content.text, "her rival");
}

#[test]
fn poll_is_the_source_of_its_finding() {
    let (_, quotes) = quotes_of(
        "In a new poll, the governor leads his challenger by six points.",
        None,
    );
    let q = quote(&quotes, "the governor leads");
    assert_eq!((speaker(q), cue(q)), ("a new poll", "In"));
}

#[test]
fn asides_end_reported_clauses() {
    let (_, quotes) = quotes_of(
        "He said crews would close the road near the harbor, which floods every spring.",
        None,
    );
    assert_eq!(
        quote(&quotes, "crews would").content.text,
        "crews would close the road near the harbor"
    );
    let (_, quotes) = quotes_of(
        "She insisted that the reform had “worked as designed,” claiming that costs had fallen.",
        None,
    );
    let q = quote(&quotes, "that the reform had");
    assert!(!q.content.text.contains("claiming"), "{}", q.content.text);
}

#[test]
fn transcript_turns_are_attributed_to_their_label() {
    let (_, quotes) = quotes_of(
        "Report on the inquiry\n\nKOVACS: We have seen no evidence of fraud in the count.",
        None,
    );
    let q = quote(&quotes, "We have seen no evidence");
    assert_eq!((speaker(q), cue(q)), ("KOVACS", ":"));
    let (_, quotes) = quotes_of("Results\n\nLopez: 4,120\n\nSmith: 3,980", None);
    assert!(quotes.is_empty(), "{quotes:#?}");
}

#[test]
fn frame_split_off_by_a_question_mark() {
    let (_, quotes) = quotes_of("“Is that fair?” Smith asked reporters at the port.", None);
    let q = quote(&quotes, "Is that fair");
    assert_eq!((speaker(q), cue(q)), ("Smith", "asked"));
}

#[test]
fn a_consequence_is_no_report() {
    let (_, quotes) = quotes_of("That means the council must vote again.", None);
    assert!(quotes.is_empty(), "{quotes:#?}");
}

#[test]
fn a_frame_inside_the_sentence_splits_the_report() {
    let (_, quotes) = quotes_of(
        "The plan, the minister said, would cut costs by half.",
        None,
    );
    for start in ["The plan", "would cut costs by half"] {
        let q = quote(&quotes, start);
        assert_eq!(
            (q.kind, speaker(q), cue(q)),
            (QuoteKind::Indirect, "the minister", "said")
        );
    }
}

#[test]
fn a_fronted_report_runs_to_the_frame() {
    let (_, quotes) = quotes_of("The country would not accept that from any other government, especially one seen as a rival, she said.", None);
    assert!(quote(&quotes, "The country would")
        .content
        .text
        .ends_with("seen as a rival"));
}

#[test]
fn a_report_keeps_the_clauses_the_parser_split_off() {
    let (_, quotes) = quotes_of("Her aides said they were confident the vote in France did not reflect the mood in Germany.", None);
    assert!(quote(&quotes, "they were confident")
        .content
        .text
        .ends_with("the mood in Germany"));
    let (_, quotes) = quotes_of(
        "He said the driver, who was not hurt, had fled the scene.",
        None,
    );
    assert_eq!(
        quote(&quotes, "the driver").content.text,
        "the driver, who was not hurt, had fled the scene"
    );
}

#[test]
fn light_verbs_make_nouns_cues() {
    let (_, quotes) = quotes_of(
        "The governor made the case that the tax would hurt farmers.",
        None,
    );
    let q = quote(&quotes, "that the tax would");
    assert_eq!((speaker(q), cue(q)), ("The governor", "made the case"));
    let (_, quotes) = quotes_of("Several senators voiced concerns about the nominee.", None);
    let q = quote(&quotes, "the nominee");
    assert_eq!(
        (speaker(q), cue(q)),
        ("Several senators", "voiced concerns")
    );
}

#[test]
fn audiences_and_standings_are_no_reports() {
    for text in [
        "The mayor spoke to reporters after the meeting.",
        "The mayor has been trailing in the polls since March.",
    ] {
        let (_, quotes) = quotes_of(text, None);
        assert!(quotes.is_empty(), "{quotes:#?}");
    }
}

#[test]
fn adjectives_of_stance() {
    let (_, quotes) = quotes_of("Local farmers are wary of the new trade rules.", None);
    let q = quote(&quotes, "the new trade rules");
    assert_eq!((speaker(q), cue(q)), ("Local farmers", "wary"));
}

#[test]
fn a_second_that_clause_hung_on_the_cue() {
    let (_, quotes) = quotes_of(
        "The mayor said that the bridge was safe and that repairs would start in May.",
        None,
    );
    assert!(quote(&quotes, "that the bridge was safe")
        .content
        .text
        .ends_with("start in May"));
}

#[test]
fn a_relative_pronoun_is_the_speaker_of_its_clause() {
    let (_, quotes) = quotes_of(
        "Shop owners who said the new tax was unfair marched to city hall.",
        None,
    );
    let q = quote(&quotes, "the new tax was unfair");
    assert_eq!((speaker(q), cue(q)), ("who", "said"));
}

#[test]
fn second_report_coordinated_with_the_reported_clause() {
    let text =
        "Clinton says she admires the senator but argues that he cannot pay for his promises.";
    let (_, quotes) = quotes_of(text, None);
    let says = quote(&quotes, "she admires");
    assert_eq!(says.content.text, "she admires the senator");
    let argues = quote(&quotes, "that he cannot pay");
    assert_eq!((speaker(argues), cue(argues)), ("Clinton", "argues"));
}

#[test]
fn report_ends_before_a_participle_aside_opened_by_while() {
    let text = "Most of the senators said they would back the nominee, while stressing it was not an endorsement.";
    let (_, quotes) = quotes_of(text, None);
    let q = quote(&quotes, "they would back");
    assert_eq!(q.content.text, "they would back the nominee");
}

#[test]
fn speaker_after_the_cue_when_the_parser_reaches_into_the_quote() {
    // The parser hangs "explained" on the quoted clause, whose subject is no speaker.
    let text = "\"Our volunteers are tired, but volunteers who are tired still knock on doors,\" explained Nora Pike.";
    let (_, quotes) = quotes_of(text, None);
    let q = quote(&quotes, "Our volunteers are tired");
    assert_eq!((speaker(q), cue(q)), ("Nora Pike", "explained"));
}

#[test]
fn speaker_after_the_cue_keeps_the_apposition() {
    let text = "\"The numbers simply do not add up for them,\" added state treasurer Ken Olafsen, a Republican.";
    let (_, quotes) = quotes_of(text, None);
    let q = quote(&quotes, "The numbers simply");
    assert_eq!(speaker(q), "state treasurer Ken Olafsen, a Republican");
}

#[test]
fn quote_paragraph_continues_the_quote_of_the_paragraph_before() {
    let text = "“Our roads are crumbling,” the governor said at the opening of the session.\n\n\
                “We will fix every bridge in this state before the next winter comes.”\n";
    let (_, quotes) = quotes_of(text, None);
    let first = quote(&quotes, "Our roads are crumbling");
    let continued = quote(&quotes, "We will fix every bridge");
    assert_eq!(speaker(continued), "the governor");
    assert_eq!(continued.cue, first.cue);
}

#[test]
fn quote_after_a_colon_without_a_speech_verb() {
    let text = "The mayor fired back at her critics: “Nobody on this council has done more for the harbor than I have.”";
    let (_, quotes) = quotes_of(text, None);
    let q = quote(&quotes, "Nobody on this council");
    assert_eq!((speaker(q), cue(q)), ("The mayor", "fired"));
    let text = "The chairman ended his speech with a warning:\n\n“Nobody will save this league but its own clubs.”\n";
    let (_, quotes) = quotes_of(text, None);
    assert_eq!(speaker(quote(&quotes, "Nobody will save")), "The chairman");
}

#[test]
fn a_clause_after_a_semicolon_attributes_nothing_before_it() {
    let (_, quotes) = quotes_of("EU slaps tariffs on Chinese electric vehicles; Beijing vows countermeasures\n\nBRUSSELS — The EU acted.", None);
    assert!(quotes.iter().all(|q| !q.content.text.contains("slaps")), "{quotes:#?}");
    // A cue set off by commas still does.
    let (_, quotes) = quotes_of("The tariffs, Beijing said, would harm both economies.", None);
    assert!(quotes.iter().any(|q| q.content.text.contains("would harm")), "{quotes:#?}");
}

#[test]
fn relative_clause_of_an_inverted_speaker_is_not_reported() {
    let text = "\"It is really hard to poll this state,\" said Eric Stone, who chairs the history department at the state university.";
    let (_, quotes) = quotes_of(text, None);
    // The speaker keeps the clause that describes him, as attribution corpora mark him (PolNeAR's
    // train sources after "said X, who …" do so 57 times in 88).
    assert_eq!(speaker(quote(&quotes, "It is really hard")), "Eric Stone, who chairs the history department at the state university");
    assert!(
        !quotes.iter().any(|q| q.content.text.starts_with("who")),
        "{quotes:#?}"
    );
}

#[test]
fn founded_is_not_a_form_of_find() {
    let (_, quotes) = quotes_of(
        "Paul Grant founded the group in 2010 with two former aides.",
        None,
    );
    assert!(quotes.is_empty(), "{quotes:#?}");
}

#[test]
fn verbs_of_complaint_and_portrayal_are_cues() {
    let (_, quotes) = quotes_of(
        "The minister lamented that the harbor talks had stalled again.",
        None,
    );
    let q = quote(&quotes, "that the harbor talks");
    assert_eq!((speaker(q), cue(q)), ("The minister", "lamented"));
    let (_, quotes) = quotes_of(
        "The union leader derided the pension plan as a gimmick.",
        None,
    );
    let q = quote(&quotes, "the pension plan");
    assert_eq!((speaker(q), cue(q)), ("The union leader", "derided"));
}

#[test]
fn whom_one_speaks_with_and_on_what_terms_is_no_position() {
    for text in [
        "A senior official spoke on condition of anonymity.",
        "The mayor spoke with reporters outside the town hall.",
    ] {
        let (_, quotes) = quotes_of(text, None);
        assert!(quotes.is_empty(), "{text}: {quotes:#?}");
    }
}

#[test]
fn maintaining_reports_a_clause_not_an_object() {
    let (_, quotes) = quotes_of(
        "The ruling party maintained a narrow lead in the northern provinces.",
        None,
    );
    assert!(quotes.is_empty(), "{quotes:#?}");
    let (_, quotes) = quotes_of("The ruling party maintained that the count was fair.", None);
    assert_eq!(cue(quote(&quotes, "that the count was fair")), "maintained");
}

#[test]
fn finding_takes_a_position_only_with_a_predicate() {
    let (_, quotes) = quotes_of("The former coach found a new job in Ohio.", None);
    assert!(quotes.is_empty(), "{quotes:#?}");
    let (_, quotes) = quotes_of("Many voters found the campaign ad offensive.", None);
    assert_eq!(cue(quote(&quotes, "the campaign ad offensive")), "found");
}

#[test]
fn suggestion_is_a_cue_noun() {
    let (_, quotes) = quotes_of(
        "Her suggestion that the vote was rigged angered the election board.",
        None,
    );
    let q = quote(&quotes, "that the vote was rigged");
    assert_eq!((speaker(q), cue(q)), ("Her", "suggestion"));
}

#[test]
fn a_coordinated_report_ends_the_content_before_it() {
    let (_, quotes) = quotes_of(
        "The mayor praised the new budget and said that taxes would not rise.",
        None,
    );
    let praised = quote(&quotes, "the new budget");
    assert_eq!(
        (praised.content.text.as_str(), cue(praised)),
        ("the new budget", "praised")
    );
    let said = quote(&quotes, "that taxes would not rise");
    assert_eq!((speaker(said), cue(said)), ("The mayor", "said"));
}

#[test]
fn capitalised_words_quoted_inside_a_sentence_are_a_title() {
    let (_, quotes) = quotes_of(
        "The senator said on “Meet the Press” that the bill was dead.",
        None,
    );
    assert!(
        !quotes.iter().any(|q| q.content.text == "Meet the Press"),
        "{quotes:#?}"
    );
    assert!(
        quotes
            .iter()
            .all(|q| q.kind == QuoteKind::Indirect
                && q.content.text.ends_with("that the bill was dead")),
        "{quotes:#?}"
    );
}

#[test]
fn a_clause_hung_on_the_time_of_the_cue_is_reported() {
    let (_, quotes) = quotes_of(
        "The port authority's director said on Thursday that the new terminal would open in May.",
        None,
    );
    let q = quote(&quotes, "that the new terminal would open in May");
    assert_eq!(
        (speaker(q), cue(q)),
        ("The port authority's director", "said")
    );
    let (_, quotes) = quotes_of(
        "The union's president said on Monday he met the transport minister earlier this week.",
        None,
    );
    assert_eq!(cue(quote(&quotes, "he met the transport minister")), "said");
}

#[test]
fn reportedly_reports_its_clause_without_a_source() {
    let (_, quotes) = quotes_of(
        "The regional airline is reportedly seeking a buyer for its cargo unit.",
        None,
    );
    let q = quote(
        &quotes,
        "The regional airline is reportedly seeking a buyer",
    );
    assert_eq!(cue(q), "reportedly");
    assert!(q.speaker.is_none(), "{q:#?}");
}

#[test]
fn an_appended_frame_leaves_the_whole_report_before_it() {
    let (_, quotes) =
        quotes_of("Tokyo did not object when the loans helped trade, a Japanese banker said, adding that rates stayed low.", None);
    let q = quote(&quotes, "Tokyo did not object");
    assert_eq!(
        q.content.text,
        "Tokyo did not object when the loans helped trade"
    );
    assert_eq!((speaker(q), cue(q)), ("a Japanese banker", "said"));
}

#[test]
fn a_clause_after_a_semicolon_is_not_the_frames_complement() {
    let (_, quotes) = quotes_of(
        "To carry the county, challengers probably need a quarter of the suburban vote, local strategists say; in 2018, the race was close.",
        None,
    );
    let q = quotes
        .iter()
        .find(|q| q.cue.as_ref().is_some_and(|c| c.text == "say"))
        .unwrap_or_else(|| panic!("{quotes:#?}"));
    assert!(
        q.content.text.ends_with("a quarter of the suburban vote"),
        "{}",
        q.content.text
    );
    assert_eq!(speaker(q), "local strategists");
}

#[test]
fn a_gerund_adjunct_takes_a_position_for_the_clause_subject() {
    let (_, quotes) = quotes_of(
        "The governor won praise from farmers by defending the water subsidies during the drought.",
        None,
    );
    let q = quote(&quotes, "the water subsidies");
    assert_eq!((speaker(q), cue(q)), ("The governor", "defending"));
}

#[test]
fn decisions_thanks_and_distancing_are_cues() {
    let (_, quotes) = quotes_of(
        "The treasurer decided to freeze hiring at the agency.",
        None,
    );
    assert_eq!(cue(quote(&quotes, "to freeze hiring")), "decided");
    let (_, quotes) = quotes_of("The coach thanked the volunteers for their patience.", None);
    assert_eq!(
        cue(quote(&quotes, "the volunteers for their patience")),
        "thanked"
    );
    let (_, quotes) = quotes_of(
        "The county sheriff distanced himself from the new policy.",
        None,
    );
    assert_eq!(
        speaker(quote(&quotes, "himself from the new policy")),
        "The county sheriff"
    );
}

#[test]
fn hopeful_is_an_adjective_of_stance() {
    let (_, quotes) = quotes_of(
        "Union leaders are hopeful about the new contract talks.",
        None,
    );
    let q = quote(&quotes, "the new contract talks");
    assert_eq!((speaker(q), cue(q)), ("Union leaders", "hopeful"));
}

#[test]
fn a_participle_takes_a_position_for_the_noun_it_modifies() {
    let (_, quotes) = quotes_of(
        "An outside group backing the senator spent heavily on television.",
        None,
    );
    let q = quote(&quotes, "the senator");
    assert_eq!((speaker(q), cue(q)), ("An outside group", "backing"));
    // A participle set off by commas is no frame interrupting a report.
    let (_, quotes) = quotes_of(
        "Democrats, fearing a long fight, opposed the nominee.",
        None,
    );
    assert!(
        quotes.iter().all(|q| q.content.text != "Democrats"),
        "{quotes:#?}"
    );
}

#[test]
fn a_cue_noun_reports_the_phrase_its_verb_takes() {
    let (_, quotes) = quotes_of("The governor took swipes at his longtime rival.", None);
    let q = quote(&quotes, "his longtime rival");
    assert_eq!((speaker(q), cue(q)), ("The governor", "took swipes"));
    let (_, quotes) = quotes_of("The auditor raised questions about the budget deal.", None);
    assert_eq!(
        cue(quote(&quotes, "the budget deal")),
        "raised questions about"
    );
}

#[test]
fn an_owner_pledges_an_infinitive() {
    let (_, quotes) = quotes_of("The mayor's pledge to cut property taxes won praise.", None);
    let q = quote(&quotes, "to cut property taxes");
    assert_eq!((speaker(q), cue(q)), ("The mayor", "pledge"));
}

#[test]
fn a_comparison_set_off_by_a_comma_ends_the_report() {
    let (_, quotes) = quotes_of(
        "The senator said turnout rose sharply, compared with the last election.",
        None,
    );
    assert_eq!(
        quote(&quotes, "turnout").content.text,
        "turnout rose sharply"
    );
}

#[test]
fn the_nearest_person_is_named_with_the_apposition() {
    let text = "Jane Roe, a pollster in Ohio, watched the returns in the hall. \"We will win this state easily, and everyone here knows it.\"";
    let (_, quotes) = quotes_of(text, None);
    assert_eq!(
        speaker(quote(&quotes, "We will win")),
        "Jane Roe, a pollster in Ohio"
    );
}

#[test]
fn the_hearer_after_told_and_a_day_are_no_speakers() {
    let (_, quotes) = quotes_of("The talks will resume next week, the envoy told CNN.", None);
    assert_eq!(
        speaker(quote(&quotes, "The talks will resume")),
        "the envoy"
    );
    let (_, quotes) = quotes_of("Trump on Tuesday said the talks had failed.", None);
    assert_eq!(speaker(quote(&quotes, "the talks had failed")), "Trump");
}

#[test]
fn a_partial_quote_reports_the_phrase_that_holds_it() {
    let (_, quotes) = quotes_of(
        "The mayor added “a note of caution” about the budget, and the council voted.",
        None,
    );
    let q = quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect)
        .unwrap_or_else(|| panic!("{quotes:#?}"));
    assert_eq!(q.content.text, "“a note of caution” about the budget");
    assert_eq!(cue(q), "added");
}

#[test]
fn a_title_quoted_in_the_frame_of_a_direct_quote_is_no_report() {
    let (_, quotes) = quotes_of(
        "“Farming is my whole life,” Okafor said in May on the podcast “Here’s the Harvest.”",
        None,
    );
    let q = quote(&quotes, "Farming is my whole life");
    assert_eq!(speaker(q), "Okafor");
    assert!(
        quotes.iter().all(|q| q.kind != QuoteKind::Indirect),
        "'said' reports the direct quote; its circumstances are no second content: {quotes:#?}"
    );
}

#[test]
fn a_report_ending_in_a_partial_quote_keeps_its_closing_mark() {
    let (_, quotes) = quotes_of(
        "The governor said the budget plan is “reckless” and he expects a veto.",
        None,
    );
    let q = quote(&quotes, "the budget plan");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.content.text, "the budget plan is “reckless”");
}

#[test]
fn a_predicate_coordinated_after_the_complement_is_reported_too() {
    let (_, quotes) = quotes_of(
        "Okafor said farmers were “deeply frustrated,” but also ready for talks.",
        None,
    );
    let q = quote(&quotes, "farmers were");
    assert_eq!(
        q.content.text,
        "farmers were “deeply frustrated,” but also ready for talks",
        "'ready' is the farmers', not a second predicate of 'said'"
    );
}

#[test]
fn a_participle_after_a_partial_quote_is_no_part_of_its_report() {
    let (_, quotes) = quotes_of(
        "The minister hailed the ruling as “fantastic,” telling reporters that talks would resume.",
        None,
    );
    let q = quote(&quotes, "the ruling as");
    assert_eq!(q.content.text, "the ruling as “fantastic,”");
    assert_eq!(cue(q), "hailed");
}

#[test]
fn quotations_signed_by_a_name_after_a_dash() {
    // A list of readers' replies, one per line; the second opens with a closing mark typed
    // for an opening one.
    let text = "“The clinic saved my son. I will vote for whoever keeps it open.” ― Maria Lopez\n\
                ”Nobody in Washington listens to us.” ― Tom Reyes, Tucson\n\
                “We need more nurses, not more speeches.”― Ana Ruiz.\n";
    let (_, quotes) = quotes_of(text, None);
    for (start, name) in [
        ("The clinic saved my son", "Maria Lopez"),
        ("Nobody in Washington", "Tom Reyes"),
        ("We need more nurses", "Ana Ruiz"),
    ] {
        let q = quote(&quotes, start);
        assert_eq!(q.kind, QuoteKind::Direct);
        assert_eq!(speaker(q), name, "{start}");
        assert_eq!(cue(q), "―");
    }
    // A dash after a quotation that goes on in a sentence is no signature.
    let (_, quotes) = quotes_of("“We will rebuild.” — and the mayor meant it, aides said.", None);
    assert!(quotes.iter().all(|q| q.cue.as_ref().is_none_or(|c| c.text != "—")), "{quotes:#?}");
}

#[test]
fn a_transcript_quoted_whole_gives_each_turn_to_its_speaker() {
    let text = "The interview went as follows:\n\n\
                \"HOST: Will the mayor sign the budget this week?\n\n\
                \"OKAFOR: Not as written. The council calls it a “rescue plan.” It rescues nobody, and I told them so.\n\n\
                \"We will keep talking until the clinics are funded.\n";
    let (_, quotes) = quotes_of(text, None);
    let q = quote(&quotes, "Will the mayor sign");
    assert_eq!(speaker(q), "HOST");
    assert_eq!(cue(q), ":");
    // The curly pair inside the straight-quoted turn is quoting within it, not its end.
    let q = quote(&quotes, "Not as written");
    assert_eq!(speaker(q), "OKAFOR");
    assert!(q.content.text.ends_with("and I told them so"), "{:?}", q.content.text);
    // A turn carried into the next paragraph stays the speaker's.
    assert_eq!(speaker(quote(&quotes, "We will keep talking")), "OKAFOR");
}

#[test]
fn a_feeling_passive_is_the_stance_of_its_subject() {
    let (_, quotes) = quotes_of(
        "Party organizers were encouraged by the turnout at the rally.",
        None,
    );
    let q = quote(&quotes, "the turnout");
    assert_eq!(
        speaker(q),
        "Party organizers",
        "the 'by' phrase is what they feel about, not an agent"
    );
    assert_eq!(cue(q), "were encouraged");
    let (_, quotes) = quotes_of(
        "Several donors were angered that the governor skipped the gala.",
        None,
    );
    assert_eq!(
        speaker(quote(&quotes, "that the governor skipped the gala")),
        "Several donors"
    );
}

#[test]
fn a_speaker_hung_on_the_quote_is_no_report() {
    let (_, quotes) = quotes_of(
        "“We expect a long fight,” Jim Hale, 58, a retired teacher, said of the campaign.",
        None,
    );
    let q = quote(&quotes, "We expect a long fight");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(speaker(q), "Jim Hale, 58, a retired teacher");
    assert!(
        quotes.iter().all(|q| !q.content.text.contains("Jim Hale")),
        "{quotes:#?}"
    );
}

#[test]
fn told_takes_the_speaker_before_it_with_the_apposition() {
    let (_, quotes) = quotes_of("“It is a fair deal for workers,” Ana Ortiz, a union steward, told reporters after the vote.", None);
    assert_eq!(
        speaker(quote(&quotes, "It is a fair deal")),
        "Ana Ortiz, a union steward"
    );
}

#[test]
fn a_pronoun_speaker_takes_no_noun_before_it() {
    let (_, quotes) = quotes_of(
        "Neighbors described a childhood she says was marked by hardship.",
        None,
    );
    assert_eq!(speaker(quote(&quotes, "was marked by hardship")), "she");
}

#[test]
fn an_adjunct_of_the_reported_clause_belongs_to_the_reporter() {
    let (_, quotes) = quotes_of(
        "The minister said the talks had stalled, citing a dispute over fishing rights.",
        None,
    );
    let q = quote(&quotes, "a dispute over fishing rights");
    assert_eq!(cue(q), "citing");
    assert_eq!(speaker(q), "The minister");
}

#[test]
fn a_modal_verb_joined_to_the_reported_clause_is_part_of_it() {
    let (_, quotes) = quotes_of(
        "The mayor said she was a lifelong Democrat and would probably back the governor.",
        None,
    );
    let q = quote(&quotes, "she was a lifelong Democrat");
    assert!(
        q.content.text.ends_with("would probably back the governor"),
        "{}",
        q.content.text
    );
    assert_eq!(speaker(q), "The mayor");
}

#[test]
fn a_date_is_not_what_a_cue_noun_is_about() {
    let (_, quotes) = quotes_of("The senator made the announcement on Monday.", None);
    assert!(
        quotes.iter().all(|q| q.content.text != "Monday"),
        "{quotes:#?}"
    );
}

#[test]
fn a_share_of_respondents_is_the_speaker_the_verb_hangs_on() {
    let (_, quotes) = quotes_of("Nearly nine out of 10 say they will need new skills.", None);
    assert_eq!(
        speaker(quote(&quotes, "they will need new skills")),
        "Nearly nine out of 10"
    );
    let (_, quotes) = quotes_of(
        "Thirty-one percent of those surveyed say they would be satisfied.",
        None,
    );
    assert_eq!(
        speaker(quote(&quotes, "they would be satisfied")),
        "Thirty-one percent of those surveyed"
    );
}

#[test]
fn a_pronoun_standing_for_a_thing_is_no_speaker() {
    let (_, quotes) = quotes_of("This shows that the plan failed. Lawmakers cited a report that says the program wasted millions.", None);
    assert!(quote(&quotes, "that the plan failed").speaker.is_none());
    assert!(quote(&quotes, "the program wasted millions")
        .speaker
        .is_none());
}

#[test]
fn say_reports_the_words_after_it_when_the_parser_misses_the_clause() {
    // The tagger reads "yields" as a noun, so the parse holds no clause for "said".
    let (_, quotes) = quotes_of(
        "Ortiz said each year of training yields a 5% rise in pay.",
        None,
    );
    let q = quote(&quotes, "each year of training");
    assert_eq!((speaker(q), cue(q)), ("Ortiz", "said"));
    assert!(
        q.content.text.ends_with("rise in pay"),
        "{}",
        q.content.text
    );
}

#[test]
fn a_participle_hung_on_the_last_noun_ends_the_report() {
    let (_, quotes) = quotes_of(
        "The governor talked up her “rural roads strategy,” promising to travel across the state.",
        None,
    );
    let q = quote(&quotes, "her “rural");
    assert!(!q.content.text.contains("promising"), "{}", q.content.text);
}

#[test]
fn a_question_put_ends_before_the_clause_of_the_one_asked() {
    let (_, quotes) = quotes_of(
        "Asked whether she would run again, the mayor said she had not decided.",
        None,
    );
    let q = quote(&quotes, "whether she would run again");
    assert_eq!(q.content.text, "whether she would run again");
    assert_eq!(cue(q), "Asked");
    // Who asked is the source; the one asked is not.
    let (_, quotes) = quotes_of(
        "Asked by a reporter about the strike, the minister declined to comment.",
        None,
    );
    let q = quote(&quotes, "about the strike");
    assert_eq!(q.content.text, "about the strike");
    assert_eq!(speaker(q), "a reporter");
}

#[test]
fn what_someone_feels_or_says_about_a_topic_is_a_stance() {
    let (_, quotes) = quotes_of("Voters care deeply about the cost of health care.", None);
    let q = quote(&quotes, "the cost of health care");
    assert_eq!((speaker(q), cue(q)), ("Voters", "care"));
    let (_, quotes) = quotes_of("Many residents are upbeat about the new factory.", None);
    assert_eq!(speaker(quote(&quotes, "the new factory")), "Many residents");
    // "about" before a number is a quantity.
    let (_, quotes) = quotes_of("Turnout rose about 10 percent in the city.", None);
    assert!(
        quotes
            .iter()
            .all(|q| !q.content.text.contains("10 percent")),
        "{quotes:#?}"
    );
}

#[test]
fn a_relative_pronoun_standing_for_a_name_is_the_speaker() {
    let (_, quotes) = quotes_of(
        "Farmers thanked the Sierra Club, which praised the new water plan.",
        None,
    );
    let q = quote(&quotes, "the new water plan");
    assert_eq!((speaker(q), cue(q)), ("which", "praised"));
    // A "which" standing for a thing speaks for nobody.
    let (_, quotes) = quotes_of(
        "Farmers rejected the new water plan, which favors large estates.",
        None,
    );
    assert!(quote(&quotes, "large estates").speaker.is_none());
}

#[test]
fn a_subordinate_clause_hung_on_the_cue_goes_with_the_complement() {
    let (_, quotes) = quotes_of(
        "He said he could not finish his degree because he had to support his family.",
        None,
    );
    let q = quote(&quotes, "he could not finish");
    assert_eq!(
        q.content.text,
        "he could not finish his degree because he had to support his family"
    );
}

#[test]
fn an_aside_hung_inside_an_infinitive_is_no_part_of_it() {
    let text = "Some senators have called for the allies to send troops to the region in the north, saying strikes have been useless.";
    let (_, quotes) = quotes_of(text, None);
    assert_eq!(
        quote(&quotes, "to send troops").content.text,
        "to send troops to the region in the north"
    );
    assert_eq!(
        speaker(quote(&quotes, "strikes have been useless")),
        "Some senators"
    );
}

#[test]
fn say_with_the_subject_of_its_clause_taken_for_an_object() {
    let text = "Several mayors have called for the state to fund new bridges, saying the old ones are unsafe.";
    let (_, quotes) = quotes_of(text, None);
    let q = quote(&quotes, "the old ones");
    assert_eq!(
        (q.content.text.as_str(), cue(q)),
        ("the old ones are unsafe", "saying")
    );
}

#[test]
fn whom_a_speaker_talked_to_is_no_part_of_the_topic() {
    let (_, quotes) = quotes_of(
        "The senator spoke to reporters about the new tariffs.",
        None,
    );
    let q = quote(&quotes, "the new tariffs");
    assert_eq!(
        (q.content.text.as_str(), speaker(q), cue(q)),
        ("the new tariffs", "The senator", "spoke to")
    );
}

#[test]
fn a_topic_the_parser_hung_on_the_addressee() {
    let (_, quotes) = quotes_of("The governor talked with farmers about the drought.", None);
    let q = quote(&quotes, "the drought");
    assert_eq!(
        (q.content.text.as_str(), speaker(q), cue(q)),
        ("the drought", "The governor", "talked with")
    );
}

#[test]
fn a_cue_verb_tagged_as_a_noun_keeps_its_subject() {
    let (_, quotes) = quotes_of("She fears that the talks will collapse.", None);
    let q = quote(&quotes, "that the talks will collapse");
    assert_eq!((speaker(q), cue(q)), ("She", "fears"));
}

#[test]
fn a_fronted_report_before_a_frame_with_a_participle_adjunct() {
    for text in [
        "The plan is dead, the minister said, adding that talks would resume.",
        "The plan is dead, said the minister, adding that talks would resume.",
    ] {
        let (_, quotes) = quotes_of(text, None);
        let q = quote(&quotes, "The plan is dead");
        assert_eq!(
            (q.content.text.as_str(), speaker(q), cue(q)),
            ("The plan is dead", "the minister", "said"),
            "{text}"
        );
    }
}

#[test]
fn an_inverted_frame_interrupting_a_report() {
    let (_, quotes) = quotes_of(
        "The contrast with the rival, said Doyle, would be clear.",
        None,
    );
    let (before, after) = (
        quote(&quotes, "The contrast with the rival"),
        quote(&quotes, "would be clear"),
    );
    assert_eq!(before.content.text, "The contrast with the rival");
    assert_eq!(
        (speaker(before), speaker(after), cue(after)),
        ("Doyle", "Doyle", "said")
    );
}

#[test]
fn the_participle_adjunct_of_a_fronted_frame_is_its_speakers() {
    let text = "Washington did not complain when the factories closed, a local official said, adding that the impact was small.";
    let (_, quotes) = quotes_of(text, None);
    assert!(
        !quotes
            .iter()
            .any(|q| q.content.text.starts_with("a local official")),
        "the frame is no report"
    );
    let q = quote(&quotes, "that the impact was small");
    assert_eq!((speaker(q), cue(q)), ("a local official", "adding"));
}

#[test]
fn the_participle_adjunct_of_an_inverted_frame_is_its_speakers() {
    let (_, quotes) = quotes_of(
        "The plan is dead, said the minister, adding that talks would resume.",
        None,
    );
    let q = quote(&quotes, "that talks would resume");
    assert_eq!((speaker(q), cue(q)), ("the minister", "adding"));
}

#[test]
fn a_concession_by_the_reporter_ends_the_report() {
    let (_, quotes) = quotes_of(
        "The mayor said the city would recover, despite the heavy losses.",
        None,
    );
    assert_eq!(
        quote(&quotes, "the city would recover").content.text,
        "the city would recover"
    );
}

#[test]
fn a_contrast_drawn_by_the_reporter_ends_the_report() {
    let (_, quotes) = quotes_of(
        "The minister said the economy was growing, although unemployment remains high.",
        None,
    );
    assert_eq!(
        quote(&quotes, "the economy was growing").content.text,
        "the economy was growing"
    );
}

#[test]
fn an_as_clause_frames_the_clause_it_opens() {
    let (_, quotes) = quotes_of(
        "As the mayor said, the two parties have become less ideological.",
        None,
    );
    let q = quote(&quotes, "the two parties");
    assert_eq!(
        (q.content.text.as_str(), speaker(q), cue(q)),
        (
            "the two parties have become less ideological",
            "the mayor",
            "said"
        )
    );
}

#[test]
fn a_relative_clause_can_report_what_its_relative_word_stands_for() {
    let (_, quotes) = quotes_of("The new fees, which officials said will go into effect next month, will not apply to students.", None);
    let q = quote(&quotes, "will go into effect");
    assert_eq!(
        (q.content.text.as_str(), speaker(q), cue(q)),
        ("will go into effect next month", "officials", "said")
    );
}

#[test]
fn a_relative_clause_without_its_relative_word_can_report_too() {
    let (_, quotes) = quotes_of(
        "The union called it a step they believe could help the party.",
        None,
    );
    let q = quote(&quotes, "could help the party");
    assert_eq!((speaker(q), cue(q)), ("they", "believe"));
}

#[test]
fn according_to_opening_the_sentence_ends_at_its_comma() {
    let (_, quotes) = quotes_of("According to Reyes, while the budget was limited to road repairs, it is unclear what the council approved.", None);
    let q = quote(&quotes, "while the budget");
    assert_eq!((speaker(q), cue(q)), ("Reyes", "According to"));
    assert!(
        q.content.text.ends_with("what the council approved"),
        "{}",
        q.content.text
    );
}

#[test]
fn quoted_words_are_never_the_speaker_of_a_report() {
    let (_, quotes) = quotes_of("Ruiz has criticized the church voters, declaring that “real patriots” don’t support Smith and that the party has lost its way.", None);
    let inside: Vec<&str> = quotes
        .iter()
        .filter(|q| {
            q.kind == QuoteKind::Indirect
                && q.speaker
                    .as_ref()
                    .is_some_and(|s| s.text.contains("patriots"))
        })
        .map(|q| q.content.text.as_str())
        .collect();
    assert!(
        inside.is_empty(),
        "reports with a quoted speaker: {inside:?}"
    );
}

#[test]
fn a_stance_received_has_the_giver_as_its_source() {
    let (_, quotes) = quotes_of("The plan has drawn sharp criticism from farm groups.", None);
    let q = quote(&quotes, "The plan");
    assert_eq!(
        (speaker(q), cue(q)),
        ("farm groups", "has drawn sharp criticism")
    );
}

#[test]
fn a_stance_verb_after_an_apposition_has_the_named_subject() {
    let (_, quotes) = quotes_of(
        "The backlash grew louder Wednesday as Ana Ruiz, Ronald Reagan’s niece, attacked Smith for comments made this week about the harbor and the Second Amendment.",
        None,
    );
    let q = quotes
        .iter()
        .find(|q| q.cue.as_ref().is_some_and(|c| c.text == "attacked"))
        .expect("a report cued by 'attacked'");
    assert!(q.content.text.starts_with("Smith"), "{}", q.content.text);
    assert!(speaker(q).ends_with("niece"), "{}", speaker(q));
}

#[test]
fn a_relative_clause_after_an_inverted_frame_describes_the_speaker() {
    let (_, quotes) = quotes_of(
        "The plan will cut costs, said Ana Ruiz, who chairs the budget committee.",
        None,
    );
    let q = quote(&quotes, "The plan will cut costs");
    assert_eq!(
        (speaker(q), cue(q)),
        ("Ana Ruiz, who chairs the budget committee", "said")
    );
}

#[test]
fn an_apposition_after_an_inverted_frame_describes_the_speaker() {
    let (_, quotes) = quotes_of("“We won,” said Mark Ruiz, associate director for research at the Harbor Institute's energy program.", None);
    let q = quote(&quotes, "We won");
    assert_eq!(
        speaker(q),
        "Mark Ruiz, associate director for research at the Harbor Institute's energy program"
    );
}

#[test]
fn an_apposition_read_as_a_second_subject_still_describes_the_first() {
    let (_, quotes) = quotes_of(
        "Dan Nevins, the chief executive of Starz, said the deal was good.",
        None,
    );
    let q = quote(&quotes, "the deal was good");
    assert_eq!(speaker(q), "Dan Nevins, the chief executive of Starz");
}

#[test]
fn a_headline_in_title_case_after_a_name_is_a_report() {
    let (_, quotes) = quotes_of("Poll: Ruiz Burns Smith With First-Ever Statewide Lead.\n\nThe race is close, the pollster said.", None);
    let q = quote(&quotes, "Ruiz Burns Smith");
    assert_eq!((speaker(q), cue(q)), ("Poll", ":"));
}

#[test]
fn an_apposition_misread_as_a_verb_after_an_inverted_report_describes_the_speaker() {
    let (_, quotes) = quotes_of("The plan is dead, said Mark Ruiz, associate director for research at the Harbor Institute.", None);
    let q = quote(&quotes, "The plan is dead");
    assert_eq!(
        (q.content.text.as_str(), speaker(q)),
        (
            "The plan is dead",
            "Mark Ruiz, associate director for research at the Harbor Institute"
        )
    );
}

#[test]
fn a_short_quoted_line_that_nothing_attributes_is_no_quotation() {
    let (_, quotes) = quotes_of("The council met on Monday to vote on the budget.\n\n‘Roads that last.’\n\nThe budget passed by two votes.", None);
    assert!(
        quotes.iter().all(|q| !q.content.text.starts_with("Roads")),
        "{:#?}",
        quotes.iter().map(|q| &q.content.text).collect::<Vec<_>>()
    );
}

#[test]
fn an_apposition_after_a_speaker_named_after_the_cue_describes_the_speaker() {
    let (_, quotes) = quotes_of(
        "“It is over,” said Ann Lee, the chief executive of Foxcorp.",
        None,
    );
    assert_eq!(
        speaker(quote(&quotes, "It is over")),
        "Ann Lee, the chief executive of Foxcorp"
    );
    // Its last noun tagged as a verb.
    let (_, quotes) = quotes_of("“The plan will not survive the winter,” said Mark Tully, a Republican communications strategist.", None);
    assert_eq!(
        speaker(quote(&quotes, "The plan will not survive")),
        "Mark Tully, a Republican communications strategist"
    );
}

#[test]
fn the_last_noun_of_an_apposition_before_the_cue_is_not_the_speaker() {
    let (_, quotes) = quotes_of("''We would have been all in,'' Mr. Alvarez, the Republican mayor of Tampa, said in his office overlooking the bay.", None);
    assert_eq!(
        speaker(quote(&quotes, "We would have been all in")),
        "Mr. Alvarez, the Republican mayor of Tampa"
    );
}

#[test]
fn a_dateline_after_a_headline_is_no_speaker() {
    let (_, quotes) = quotes_of("Mayor backs port deal.  SPRINGFIELD, Ill. (AP) — Mayor Jane Roe said Monday that the port deal would create jobs.", None);
    assert_eq!(
        speaker(quote(&quotes, "that the port deal")),
        "Mayor Jane Roe"
    );
    let (_, quotes) = quotes_of("Talks resume.  GENEVA (Reuters) — Foreign Minister Ana Ortiz told delegates the talks would resume.", None);
    assert_eq!(
        speaker(quote(&quotes, "the talks would resume")),
        "Foreign Minister Ana Ortiz"
    );
}

#[test]
fn a_single_quoted_word_without_a_cue_verb_is_a_scare_quote() {
    let text = "Services for adults vary from county to county, depending on whether they are \"high\" or \"low\" earners.";
    let (_, quotes) = quotes_of(text, None);
    assert!(
        quotes.is_empty(),
        "{:#?}",
        quotes.iter().map(|q| &q.content.text).collect::<Vec<_>>()
    );
    // More than one word is still reported by the verb.
    let (_, quotes) = quotes_of(
        "The senator dismissed the bill as \"a cynical stunt\" on Monday.",
        None,
    );
    assert_eq!(speaker(quote(&quotes, "a cynical stunt")), "The senator");
}

#[test]
fn verbs_of_speaking_loudly_or_in_passing_frame_a_quote() {
    let (_, quotes) = quotes_of("“We are not finished yet!” the senator exclaimed.\n\n“That is not true,” the mayor retorted.", None);
    let q = quote(&quotes, "We are not finished yet");
    assert_eq!((speaker(q), cue(q)), ("the senator", "exclaimed"));
    let q = quote(&quotes, "That is not true");
    assert_eq!((speaker(q), cue(q)), ("the mayor", "retorted"));
}

#[test]
fn a_text_reads_the_words_it_holds() {
    let (_, quotes) = quotes_of(
        "“The store will close for good on Friday,” the notice on the door read.",
        None,
    );
    let q = quote(&quotes, "The store will close");
    assert_eq!((speaker(q), cue(q)), ("the notice on the door", "read"));
}

#[test]
fn a_title_with_an_ampersand_is_no_quotation() {
    let (_, quotes) = quotes_of(
        "On Sunday on Channel Five’s “Books & Beyond,” Rep. Jane Roe discussed the library bill.",
        None,
    );
    assert!(
        quotes.iter().all(|q| !q.content.text.contains("Beyond")),
        "{:#?}",
        quotes.iter().map(|q| &q.content.text).collect::<Vec<_>>()
    );
}

#[test]
fn a_speaker_cut_short_inside_its_apposition_takes_all_of_it() {
    let (_, quotes) = quotes_of("“Cuts will hurt,” said Dana Becker, co-director of the Center for Economic and Policy Research, a liberal research group.", None);
    assert_eq!(
        speaker(quote(&quotes, "Cuts will hurt")),
        "Dana Becker, co-director of the Center for Economic and Policy Research"
    );
}

#[test]
fn a_relative_clause_reporting_on_its_own_is_no_part_of_the_speaker() {
    let (_, quotes) = quotes_of(
        "Ana Ruiz, who backs the mayor, said the budget was far too small.",
        None,
    );
    let q = quote(&quotes, "the budget was far too small");
    assert_eq!(speaker(q), "Ana Ruiz");
    assert_eq!(speaker(quote(&quotes, "the mayor")), "who");
}

#[test]
fn a_fronted_report_hung_on_the_cue_by_its_subject() {
    let text = "Any decision by the board to sell land near the river, a site in the flood zone, would face protests, Ruiz said.";
    let (_, quotes) = quotes_of(text, None);
    let q = quote(&quotes, "Any decision by the board");
    assert_eq!(speaker(q), "Ruiz");
    assert_eq!(cue(q), "said");
}

#[test]
fn a_quote_paragraph_after_a_partial_quote_goes_on_with_its_report() {
    let text = "Councilwoman Ana Diaz said the new budget was “a disgrace to every taxpayer in this city.”\n\n\
                “We cannot keep raising fees while the roads crumble.”\n";
    let (_, quotes) = quotes_of(text, None);
    let report = quote(&quotes, "the new budget was");
    let continued = quote(&quotes, "We cannot keep raising fees");
    assert_eq!(
        (speaker(continued), cue(continued)),
        ("Councilwoman Ana Diaz", "said")
    );
    assert_eq!(continued.cue, report.cue, "one attribution with the report");
    // A partial quote inside the frame of a direct quote does not take the run over.
    let text =
        "“Revenue is flat,” said Treasurer Mark Ortiz, who called the forecast “far too rosy.” \
                “We will have to cut costs before the summer.”";
    let (_, quotes) = quotes_of(text, None);
    assert_eq!(
        speaker(quote(&quotes, "We will have to cut costs")),
        "Treasurer Mark Ortiz"
    );
}

#[test]
fn a_headline_quote_after_a_name_is_spoken_by_that_name() {
    let text = "Teachers Union Chief: ‘We Will Not Back Down From This Fight.’\n\nThe union chief spoke to members on Monday.";
    let (_, quotes) = quotes_of(text, None);
    let q = quote(&quotes, "We Will Not Back Down");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!((speaker(q), cue(q)), ("Teachers Union Chief", ":"));
}

#[test]
fn a_report_ends_before_a_direct_quote_with_its_own_frame() {
    let text =
        "At the forum, the governor suggested that her rival's housing plan was unserious - \
                \"Frankly, we need to see the numbers,\" she said.";
    let (_, quotes) = quotes_of(text, None);
    let report = quotes
        .iter()
        .find(|q| q.cue.as_ref().is_some_and(|c| c.text == "suggested"))
        .expect("the report of 'suggested'");
    assert_eq!(
        report.content.text,
        "that her rival's housing plan was unserious"
    );
    assert_eq!(speaker(quote(&quotes, "Frankly, we need")), "she");
}

#[test]
fn a_second_predicate_coordinated_inside_a_stance_is_no_part_of_it() {
    let text = "Hunter angered residents by calling the mayor an “incompetent clown” and posting a photo of the flooded square.";
    let (_, quotes) = quotes_of(text, None);
    let q = quote(&quotes, "the mayor an");
    assert_eq!(q.content.text, "the mayor an “incompetent clown”");
    assert_eq!(cue(q), "calling");
}

#[test]
fn any_verb_right_after_a_quote_and_its_comma_frames_it() {
    let (_, quotes) = quotes_of(
        "“Compare that budget to the one before it,” Ruiz urged.",
        None,
    );
    let q = quote(&quotes, "Compare that budget");
    assert_eq!((speaker(q), cue(q)), ("Ruiz", "urged"));
}

#[test]
fn a_say_the_parser_cut_off_keeps_its_speaker_and_clause() {
    // The parser reads "hacking experts" as a gerund phrase and leaves "say" without children.
    let (_, quotes) = quotes_of(
        "But hacking experts say the leaked files might not even be real.",
        None,
    );
    let q = quote(&quotes, "the leaked files");
    assert_eq!(q.content.text, "the leaked files might not even be real");
    assert_eq!((speaker(q), cue(q)), ("experts", "say"));
}

#[test]
fn a_view_held_in_a_phrase_is_its_owners() {
    let (_, quotes) = quotes_of("In his view, the merger is a disaster for farmers.", None);
    let q = quote(&quotes, "the merger is");
    assert_eq!((speaker(q), cue(q)), ("his", "view"));
}

#[test]
fn a_title_case_headline_splits_at_its_cue_verb() {
    let (_, quotes) = quotes_of(
        "Veteran Senator Mary Lund Endorses Governor Tom Reyes\n\nThe endorsement came on Monday.",
        None,
    );
    let q = quote(&quotes, "Governor Tom Reyes");
    assert_eq!(
        (speaker(q), cue(q)),
        ("Veteran Senator Mary Lund", "Endorses")
    );
}

#[test]
fn a_supporter_of_y_takes_a_stance_on_y() {
    let (_, quotes) = quotes_of(
        "Lund is a longtime supporter of the farm bill. The banker, a fierce critic of the tariffs, stayed home.",
        None,
    );
    let q = quote(&quotes, "the farm bill");
    assert_eq!((speaker(q), cue(q)), ("Lund", "longtime supporter of"));
    let q = quote(&quotes, "the tariffs");
    assert_eq!(speaker(q), "The banker");
}

#[test]
fn a_said_whose_clause_was_split_at_its_coordinated_subject() {
    // The parser takes "the senator" for the object of "said" and hangs the rest on it.
    let (_, quotes) = quotes_of(
        "Jane Doe, a spokeswoman for the campaign, said the senator and his staff had always been careful about donors.",
        None,
    );
    let q = quote(&quotes, "the senator and");
    assert_eq!(
        q.content.text,
        "the senator and his staff had always been careful about donors"
    );
    assert_eq!(cue(q), "said");
}

#[test]
fn a_speech_verb_tagged_as_a_noun_still_frames_its_that_clause() {
    let (_, quotes) = quotes_of(
        "The group points out that the campaign removed the mayor from its list.",
        None,
    );
    let q = quote(&quotes, "that the campaign");
    assert_eq!((speaker(q), cue(q)), ("The group", "points"));
}

#[test]
fn a_speech_verb_tagged_as_a_noun_closing_the_sentence_frames_it() {
    let (_, quotes) = quotes_of(
        "The mayor said the deficit would grow, the local newspaper reports.",
        None,
    );
    let q = quotes
        .iter()
        .find(|q| q.cue.as_ref().is_some_and(|c| c.text == "reports"))
        .expect("the report of 'reports'");
    assert_eq!(q.content.text, "The mayor said the deficit would grow");
    assert_eq!(speaker(q), "the local newspaper");
}

#[test]
fn a_sentence_that_a_colon_ends_frames_what_follows_not_the_quote_before() {
    let (_, quotes) = quotes_of(
        "“The mill will reopen by spring,” Dana Kirsch said. “Nobody expected the orders to come back so fast.” She then added:\n\n“The workers deserve the credit.”",
        None,
    );
    let q = quote(&quotes, "Nobody expected");
    assert_eq!((speaker(q), cue(q)), ("Dana Kirsch", "said"));
}

#[test]
fn a_short_sentence_whose_cue_has_an_object_frames_no_quote_before_it() {
    let (_, quotes) = quotes_of(
        "“We want every ballot counted,” said Ortega. “Our volunteers will stay at the polling stations all night.” Ortega did not concede defeat.",
        None,
    );
    let q = quote(&quotes, "Our volunteers");
    assert_eq!((speaker(q), cue(q)), ("Ortega", "said"));
}

#[test]
fn a_few_quoted_words_outside_any_report_are_a_scare_quote() {
    let (_, quotes) = quotes_of(
        "Residents of the “green zone” said the water was safe.",
        None,
    );
    assert!(
        quotes.iter().all(|q| q.content.text != "green zone"),
        "{:#?}",
        quotes.iter().map(|q| &q.content.text).collect::<Vec<_>>()
    );
    quote(&quotes, "the water was safe");
}

#[test]
fn a_capitalised_word_said_as_a_sentence_of_its_own_is_a_quote() {
    let (_, quotes) = quotes_of(
        "Asked whether he would run again, the governor said, “Never.”",
        None,
    );
    let q = quotes
        .iter()
        .find(|q| q.content.text == "Never")
        .expect("the one-word answer");
    assert_eq!((speaker(q), cue(q)), ("the governor", "said"));
}

#[test]
fn a_headline_may_name_its_topic_between_the_speaker_and_the_colon() {
    let (_, quotes) = quotes_of(
        "Senator Pia Lund on the Budget Fight: ‘We Will Not Blink.’\n\nThe senator spoke on Monday.",
        None,
    );
    let q = quote(&quotes, "We Will Not Blink");
    assert_eq!((speaker(q), cue(q)), ("Senator Pia Lund", ":"));
}

#[test]
fn a_verb_first_frame_may_name_its_speaker_without_a_noun() {
    let (_, quotes) = quotes_of(
        "“It was a good year for the farm,” said the 61-year-old.\n\n“The levy is a fraud,” tweeted another.",
        None,
    );
    let q = quote(&quotes, "It was a good year");
    assert_eq!((speaker(q), cue(q)), ("the 61-year-old", "said"));
    let q = quote(&quotes, "The levy is a fraud");
    assert_eq!((speaker(q), cue(q)), ("another", "tweeted"));
}

#[test]
fn a_cue_that_ends_the_text_looks_for_no_speaker_past_it() {
    // A one-word document (a forum's "Reply" button) once read past the end of the sentence.
    for text in ["Reply", "Officials will reply"] {
        let (_, quotes) = quotes_of(text, None);
        assert!(quotes.is_empty(), "{text:?}: {quotes:#?}");
    }
}

#[test]
fn the_speaker_of_an_inverted_frame_is_no_report_of_its_cue() {
    let (_, quotes) = quotes_of(
        "“It was a good year for the farm,” said the 61-year-old.",
        None,
    );
    assert!(
        quotes.iter().all(|q| q.kind != QuoteKind::Indirect),
        "{:#?}",
        quotes.iter().map(|q| &q.content.text).collect::<Vec<_>>()
    );
}

#[test]
fn a_cue_spans_its_verb_group() {
    let (_, quotes) = quotes_of(
        "The mayor has repeatedly called for a new bridge. “Not yet,” she said on Monday.",
        None,
    );
    let q = quote(&quotes, "for a new bridge");
    assert_eq!(cue(q), "has repeatedly called");
    let q = quote(&quotes, "Not yet");
    assert_eq!(cue(q), "said");
}

#[test]
fn a_that_clause_read_as_relative_to_a_circumstance_is_the_report() {
    let (_, quotes) = quotes_of("The company said in a filing that profits fell.", None);
    let q = quote(&quotes, "that profits fell");
    assert_eq!(speaker(q), "The company");
    assert_eq!(cue(q), "said");
}

#[test]
fn made_clear_reports_the_clause_or_object_after_it() {
    let (_, quotes) = quotes_of(
        "He made clear that he would not run again. The minister made clear his opposition to the new pipeline.",
        None,
    );
    let q = quote(&quotes, "that he would not run again");
    assert_eq!(speaker(q), "He");
    assert_eq!(cue(q), "made clear");
    let q = quote(&quotes, "his opposition");
    assert_eq!(speaker(q), "The minister");
    assert_eq!(cue(q), "made clear");
}

#[test]
fn a_cue_hung_on_the_relative_clause_of_its_speaker_keeps_that_speaker() {
    let (_, quotes) = quotes_of(
        "Maria Lopez, who runs the county’s election office, says the machines are secure. \
         Ortiz, who has been feuding with council members, on Tuesday described his plan to cut \
         property taxes.",
        None,
    );
    let q = quote(&quotes, "the machines are secure");
    assert_eq!(
        speaker(q),
        "Maria Lopez, who runs the county’s election office"
    );
    assert_eq!(cue(q), "says");
    let q = quote(&quotes, "his plan");
    assert_eq!(
        speaker(q),
        "Ortiz, who has been feuding with council members"
    );
    assert_eq!(cue(q), "described");
}

#[test]
fn a_relative_clause_of_where_someone_spoke_is_no_report() {
    let (_, quotes) = quotes_of(
        "The governor spoke at a rally that drew thousands of farmers.",
        None,
    );
    assert!(quotes.is_empty(), "{quotes:#?}");
}

#[test]
fn a_statement_is_no_speaker_of_a_clause_with_its_own_subject() {
    // "welcomed" is the statement's content, hung on "statement" by the parser: its speaker is
    // its own subject, never a span running from the noun through that subject.
    let (_, quotes) = quotes_of(
        "The Sahel Coalition said in a statement that it welcomed the Ghanaian initiative.",
        None,
    );
    let q = quote(&quotes, "that it welcomed");
    assert_eq!(speaker(q), "The Sahel Coalition");
    for q in &quotes {
        let s = q.speaker.as_ref().map(|s| s.text.as_str()).unwrap_or_default();
        assert!(!s.contains("statement"), "{:?} attributed to {s:?}", q.content.text);
    }
}

#[test]
fn a_partial_quote_inside_a_report_is_the_reporters_speakers() {
    // "respond" reports no clause of its own here: the quoted words are what Ruiz said.
    let (_, quotes) = quotes_of(
        "Mayor Ana Ruiz said the city would respond to any strike “with every lawful means.”",
        None,
    );
    let q = quote(&quotes, "with every lawful means");
    assert_eq!(q.kind, QuoteKind::Partial);
    assert_eq!(speaker(q), "Mayor Ana Ruiz");
    assert_eq!(cue(q), "said");
    // A cue whose argument the quote is keeps it, even inside a report.
    let (_, quotes) = quotes_of(
        "Ruiz said the council had acted against what she called the “sabotage” of the port.",
        None,
    );
    assert_eq!(cue(quote(&quotes, "sabotage")), "called");
}

#[test]
fn a_relative_pronoun_speaks_for_its_antecedent() {
    let (_, quotes) = quotes_of(
        "Hungarian Prime Minister Viktor Orban, who has opposed new sanctions on Moscow, met the envoy.",
        "2024-03-01".parse().ok(),
    );
    let q = quotes
        .iter()
        .find(|q| q.speaker.as_ref().is_some_and(|s| s.text == "who"))
        .unwrap_or_else(|| panic!("no quote spoken by 'who' in {quotes:#?}"));
    assert_eq!(q.speaker.as_ref().unwrap().code.as_deref(), Some("HUNGOV"));
}

#[test]
fn a_speaker_takes_in_no_phrase_the_cue_governs_nor_the_noun_its_clause_describes() {
    // An opening phrase with no comma after it, and the noun the parser hangs the cue's clause
    // on: neither is part of the subject, however nominal the words.
    let (_, quotes) = quotes_of(
        "In a Bloomberg interview Okafor declared “I think NATO may be obsolete.”\n\n\
         It was the third time AROS said it had set up such an event.",
        None,
    );
    assert_eq!(speaker(quote(&quotes, "I think NATO")), "Okafor");
    assert_eq!(speaker(quote(&quotes, "it had set up")), "AROS");
    // An article the parser hung on the cue still opens the subject.
    let (_, quotes) = quotes_of("A State Department spokeswoman said Washington was in contact with officials in New Delhi.", None);
    assert_eq!(speaker(quote(&quotes, "Washington was")), "A State Department spokeswoman");
}

#[test]
fn neighbours_sharing_a_border_report_nothing() {
    let (_, quotes) = quotes_of("Brazil, which shares borders with both countries, sent troops north.", None);
    assert!(quotes.is_empty(), "{quotes:#?}");
    // Sharing a view still is a stance.
    let (_, quotes) = quotes_of("Brazil shared concerns about the build-up.", None);
    assert!(!quotes.is_empty());
}

#[test]
fn an_anonymous_sources_reason_is_part_of_the_speaker_and_reports_nothing() {
    let (_, quotes) = quotes_of(
        "One senior aide, who spoke on condition of anonymity because he was not authorized to discuss strategy, said leaders were weighing a narrower bill.",
        None,
    );
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    let q = quote(&quotes, "leaders were weighing");
    assert_eq!(speaker(q), "One senior aide, who spoke on condition of anonymity because he was not authorized to discuss strategy");
}

#[test]
fn a_sources_request_for_anonymity_reports_nothing() {
    for (text, speaker_text) in [
        ("A Serbian diplomat who asked not to be named said the talks had stalled.", "A Serbian diplomat who asked not to be named"),
        ("An aide, who declined to be identified, said the talks had stalled.", "An aide, who declined to be identified"),
        ("A minister who requested anonymity said the talks had stalled.", "A minister who requested anonymity"),
    ] {
        let (_, quotes) = quotes_of(text, None);
        assert_eq!(quotes.len(), 1, "{quotes:#?}");
        assert_eq!(speaker(quote(&quotes, "the talks had stalled")), speaker_text);
    }
    // Asking to be heard is still a request reported.
    let (_, quotes) = quotes_of("Kosovo asked to be included in the talks.", None);
    assert!(!quotes.is_empty());
}

#[test]
fn planning_an_act_or_showing_restraint_takes_no_position() {
    let (_, quotes) = quotes_of("Police arrested two men who planned the attack on the market.", None);
    assert!(quotes.is_empty(), "{quotes:#?}");
    let (_, quotes) = quotes_of("The United Nations urged both sides to show restraint.", None);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert_eq!(cue(quote(&quotes, "both sides")), "urged");
    // A plan to act, and support shown, still are reported.
    let (_, quotes) = quotes_of("The governor planned to veto the bill, and her allies showed support for the veto.", None);
    assert_eq!(cue(quote(&quotes, "to veto")), "planned");
    assert_eq!(cue(quote(&quotes, "support for the veto")), "showed");
}

#[test]
fn a_condition_is_no_reported_clause() {
    let (_, quotes) = quotes_of("She said the agreement would only work if Rwanda honoured its commitments.", None);
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert_eq!(cue(quote(&quotes, "the agreement would only work")), "said");
    // A question is: "wondered if".
    let (_, quotes) = quotes_of("Voters wondered if the mayor would resign.", None);
    assert_eq!(cue(quote(&quotes, "if the mayor")), "wondered");
}

#[test]
fn the_reporters_word_on_a_charge_is_no_part_of_it() {
    let (_, quotes) = quotes_of("Thailand accused Cambodia of laying fresh mines on its side of the frontier, a charge Phnom Penh denied.", None);
    let q = quote(&quotes, "Cambodia of laying");
    assert_eq!(q.content.text, "Cambodia of laying fresh mines on its side of the frontier");
    assert_eq!(speaker(q), "Thailand");
}

#[test]
fn an_attack_by_arms_or_on_a_place_is_no_stance() {
    let (_, quotes) = quotes_of("Shelling resumed when Russian forces attacked Kharkiv. Israeli drones targeted the port. The senator attacked the governor over the budget.", None);
    let contents: Vec<&str> = quotes.iter().map(|q| q.content.text.as_str()).collect();
    assert_eq!(contents, ["the governor over the budget"]);
    // The subject of the verb it complements counts: the denial is a report, the targeting none.
    let (_, quotes) = quotes_of("The rebels denied targeting civilians.", None);
    let contents: Vec<&str> = quotes.iter().map(|q| q.content.text.as_str()).collect();
    assert_eq!(contents, ["targeting civilians"]);
}

#[test]
fn an_answer_with_arms_and_a_view_held_by_arms_are_no_reports() {
    let (_, quotes) = quotes_of("Armenia answered with waves of missiles. Baku responded with a barrage of drones. Strikes on the reactor could release radiation.", None);
    assert!(quotes.is_empty(), "{quotes:#?}");
    // An answer in words, or with attacks in words, is one.
    let (_, quotes) = quotes_of("The senator responded with attacks on the governor.", None);
    assert_eq!(cue(quote(&quotes, "with attacks")), "responded");
}

#[test]
fn a_report_reaching_a_partial_quote_replaces_the_one_stopping_short() {
    let (_, quotes) = quotes_of("The mayor urged residents to leave the valley \"before the river rises.\"", None);
    let reports: Vec<&str> = quotes.iter().filter(|q| q.kind == QuoteKind::Indirect).map(|q| q.content.text.as_str()).collect();
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert!(reports[0].starts_with("residents to leave the valley") && reports[0].contains("river rises"), "{reports:?}");
    // From where that report starts, not from the circumstances before it.
    let (_, quotes) = quotes_of("The general acknowledged in a televised address that his troops had withdrawn \"to a safer place\" to spare civilians.", None);
    let reports: Vec<&str> = quotes.iter().filter(|q| q.kind == QuoteKind::Indirect).map(|q| q.content.text.as_str()).collect();
    assert_eq!(reports.len(), 1, "{reports:?}");
    assert!(reports[0].starts_with("that his troops had withdrawn") && reports[0].contains("safer place"), "{reports:?}");
}

#[test]
fn a_request_misparsed_deep_in_a_report_is_the_reporters() {
    let (_, quotes) = quotes_of("The rights office said it was alarmed by reports that force had been used and asked the authorities to investigate.", None);
    assert_eq!(speaker(quote(&quotes, "the authorities to investigate")), "The rights office");
}

#[test]
fn a_call_not_to_act_reports_the_negated_infinitive() {
    let (_, quotes) = quotes_of("Norway called on Serbia not to retaliate against civilian targets.", None);
    let q = quote(&quotes, "not to retaliate");
    assert_eq!(q.content.text, "not to retaliate against civilian targets");
    assert_eq!(cue(q), "called");
}

#[test]
fn a_noun_described_by_a_passive_participle_reports_nothing() {
    let (_, quotes) = quotes_of("A program called EB-5 lets investors buy visas.", None);
    assert!(quotes.is_empty(), "{quotes:#?}");
    // A main verb after an apposition still reports, however the parser hung it.
    let (_, quotes) = quotes_of("Rep. Jane Roe, the top Democrat on the committee, called on the president to act.", None);
    assert_eq!(cue(quote(&quotes, "to act")), "called");
}
