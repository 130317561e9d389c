//! Actor resolution on sentences written for these tests, and on the seed article.

use detente_core::{ActorMention, Document, Meta, Resolution};
use detente_pipeline::{default_models_dir, Pipeline};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::with_models(&default_models_dir()).expect("models load"))
}

fn resolve(text: &str, date: &str) -> Document {
    let mut meta = Meta::english();
    meta.published = Some(date.parse().unwrap());
    let mut doc = Document::new("t", text, meta);
    pipeline().run(&mut doc);
    doc
}

/// The mentions whose text is exactly `text`.
fn mentions<'d>(doc: &'d Document, text: &str) -> Vec<&'d ActorMention> {
    doc.actors.iter().filter(|m| m.text == text).collect()
}

/// The codes of every mention whose text is exactly `text`, sorted.
fn codes(doc: &Document, text: &str) -> Vec<String> {
    let mut out: Vec<String> = mentions(doc, text).iter().filter_map(|m| m.code.clone()).collect();
    out.sort();
    out
}

fn code_of(doc: &Document, text: &str) -> Option<String> {
    let found = mentions(doc, text);
    assert!(!found.is_empty(), "no mention {text:?} in {:#?}", doc.actors.iter().map(|m| &m.text).collect::<Vec<_>>());
    found[0].code.clone()
}

#[test]
fn composition_of_country_and_sector() {
    let doc = resolve("The Burundian militiamen crossed the river. The Russian foreign ministry condemned the raid.", "2023-05-02");
    let militia = mentions(&doc, "The Burundian militiamen");
    assert_eq!(militia.len(), 1, "{:#?}", doc.actors);
    assert_eq!(militia[0].code.as_deref(), Some("BDIMIL"));
    assert!(matches!(militia[0].how, Resolution::Composition { .. }));
    assert_eq!(code_of(&doc, "The Russian foreign ministry").as_deref(), Some("RUSGOV"));
    let m = &mentions(&doc, "The Russian foreign ministry")[0];
    assert_eq!((m.country.as_deref(), m.sector.as_deref()), (Some("RUS"), Some("GOV")));
}

#[test]
fn rebels_of_the_country_in_focus_are_not_its_army() {
    // They fight it: CAMEO codes domestic rebels with their country, not its military.
    let doc = resolve("The Congolese army accused the rebels of shelling villages near the border.", "2024-03-01");
    assert_eq!(code_of(&doc, "the rebels").as_deref(), Some("CODREB"));
}

#[test]
fn a_lone_country_adjective_shares_the_agent_of_its_conjunct() {
    // The tagger reads "Russian" as a proper noun and the parser makes it a conjunct of its own.
    let doc = resolve("Russian and US troops began a joint exercise.", "2024-03-01");
    assert_eq!(code_of(&doc, "Russian").as_deref(), Some("RUSMIL"));
    assert_eq!(code_of(&doc, "US troops").as_deref(), Some("USAMIL"));
}

#[test]
fn people_held_or_harmed_are_civilians_and_chambers_of_commerce_business() {
    let doc = resolve("Turkish police detained 12 people and freed two prisoners; Ukraine returned 40 prisoners of war.", "2024-03-01");
    assert_eq!(code_of(&doc, "12 people").as_deref(), Some("CVL"));
    assert_eq!(code_of(&doc, "two prisoners").as_deref(), Some("CVL"));
    let doc2 = resolve("The U.S. Chamber of Commerce criticised the tariffs.", "2024-03-01");
    assert_eq!(code_of(&doc2, "The U.S. Chamber of Commerce").as_deref(), Some("USABUS"));
    assert!(mentions(&doc, "40 prisoners of war").iter().any(|m| m.code.as_deref().is_some_and(|c| c.ends_with("MIL"))), "{:#?}", doc.actors);
    let doc3 = resolve("The minister apologised to the families of the victims after militants abducted 30 women and children.", "2024-03-01");
    for civilians in ["the families", "the victims", "30 women", "children"] {
        assert_eq!(code_of(&doc3, civilians).as_deref(), Some("CVL"), "{civilians}: {:#?}", doc3.actors);
    }
}

#[test]
fn an_organisations_officials_are_the_organisation() {
    let doc = resolve("The UN envoy met EU diplomats and Iranian officials in Vienna.", "2024-03-04");
    assert_eq!(code_of(&doc, "The UN envoy").as_deref(), Some("IGOUNO"));
    assert_eq!(code_of(&doc, "EU diplomats").as_deref(), Some("IGOEUREEC"));
    assert_eq!(code_of(&doc, "Iranian officials").as_deref(), Some("IRNGOV"));
    // An armed group's code already has its sector.
    let doc = resolve("Two Hamas commanders were killed.", "2024-03-04");
    assert_eq!(code_of(&doc, "Two Hamas commanders").as_deref(), Some("PSEREBHMS"));
}

#[test]
fn a_country_word_right_before_a_title_is_the_titles_whatever_the_parse() {
    // The parser makes "Estonian" a predicate of "meeting" here.
    let doc = resolve("The general spoke after meeting Estonian Prime Minister Kristen Michal in Brussels.", "2025-06-12");
    let m = doc.actors.iter().find(|m| m.text.contains("Michal")).expect("mention of the minister");
    assert_eq!(m.code.as_deref(), Some("ESTGOV"), "{m:#?}");
}

#[test]
fn a_hyphenated_title_is_one_mention_of_its_possessor() {
    let doc = resolve("The United Nations welcomed the deal. Its Secretary-General said he hoped it would last.", "2024-03-04");
    let titles = mentions(&doc, "Secretary-General");
    assert_eq!(titles.len(), 1, "{:#?}", doc.actors);
    assert_eq!(titles[0].code.as_deref(), Some("IGOUNO"));
    assert_eq!(code_of(&doc, "he").as_deref(), Some("IGOUNO"));
}

#[test]
fn an_institution_under_another_countrys_word_is_that_countrys() {
    let doc = resolve("The Pakistani Foreign Office summoned the envoy. The Foreign Office in London said nothing.", "2024-03-04");
    assert_eq!(code_of(&doc, "The Pakistani Foreign Office").as_deref(), Some("PAKGOV"));
    assert_eq!(code_of(&doc, "The Foreign Office").as_deref(), Some("GBRGOV"));
    // So is one a country possesses.
    let doc = resolve("Pakistan's Foreign Office summoned the envoy. Britain's Foreign Office said nothing.", "2024-03-04");
    let codes: Vec<_> = mentions(&doc, "Foreign Office").iter().map(|m| m.code.clone()).collect();
    assert_eq!(codes, vec![Some("PAKGOV".to_string()), Some("GBRGOV".to_string())]);
}

#[test]
fn the_dateline_does_not_claim_an_agent_in_a_sentence_naming_another_country() {
    let doc = resolve("BERLIN (Detente) - France said it was ready to send troops. Soldiers guarded the chancellery.", "2025-05-10");
    assert_eq!(code_of(&doc, "troops").as_deref(), Some("MIL"));
    assert_eq!(code_of(&doc, "Soldiers").as_deref(), Some("DEUMIL"));
}

#[test]
fn an_international_or_foreign_agent_takes_no_country_from_dateline_or_focus() {
    let doc = resolve("HANOI (Detente) - An international tribunal ruled on the dispute. A foreign court fined the firm.", "2025-05-10");
    assert_eq!(code_of(&doc, "An international tribunal").as_deref(), Some("JUD"), "{:#?}", doc.actors);
    assert_eq!(code_of(&doc, "A foreign court").as_deref(), Some("JUD"));
    let doc = resolve("Vietnam protested. An international tribunal ruled on the dispute.", "2025-05-10");
    assert_eq!(code_of(&doc, "An international tribunal").as_deref(), Some("JUD"), "{:#?}", doc.actors);
    // A foreign ministry is a country's own.
    let doc = resolve("BAMAKO, Mali (Detente) - The foreign ministry said the official had to leave. Foreign fighters attacked a convoy.", "2024-08-05");
    assert_eq!(code_of(&doc, "The foreign ministry").as_deref(), Some("MLIGOV"), "{:#?}", doc.actors);
    assert_eq!(code_of(&doc, "Foreign fighters").as_deref(), Some("UAF"), "{:#?}", doc.actors);
}

#[test]
fn a_foreign_policy_chief_serves_the_organisation_named_with_the_title() {
    // The day before she took up the EU post, after leaving Estonia's: the title decides.
    let doc = resolve("EU foreign policy chief Kaja Kallas criticized Georgia.", "2024-11-30");
    assert_eq!(code_of(&doc, "EU foreign policy chief Kaja Kallas").as_deref(), Some("IGOEUREEC"), "{:#?}", doc.actors);
    assert!(doc.actors.iter().all(|a| a.code.as_deref() != Some("ESTELI")), "{:#?}", doc.actors);
}

#[test]
fn an_object_pronoun_is_never_its_own_clauses_subject_however_named() {
    let doc = resolve(
        "Finnish President Alexander Stubb arrived in Beijing. China's top diplomat Wang Yi met him on Monday. Foreign Minister Wang Yi thanked him.",
        "2025-03-01",
    );
    let pronouns = mentions(&doc, "him");
    assert_eq!(pronouns.len(), 2);
    for him in pronouns {
        assert_eq!(him.code.as_deref(), Some("FINGOV"), "{:#?}", doc.actors);
    }
}

#[test]
fn a_possessor_on_any_word_of_an_agent_name_composes() {
    let doc = resolve("China's coast guard boarded a Philippine supply boat, Manila said.", "2024-06-17");
    assert_eq!(code_of(&doc, "coast guard").as_deref(), Some("CHNMIL"), "{:#?}", doc.actors);
}

#[test]
fn a_possessive_on_a_multiword_title_composes() {
    let doc = resolve("President Volodymyr Zelensky welcomed it. His chief of staff said talks were possible.", "2025-05-10");
    assert_eq!(code_of(&doc, "chief of staff").as_deref(), Some("UKRGOV"));
}

#[test]
fn a_new_person_is_coded_from_the_title() {
    // A title held no more makes its holder one of the country's elites.
    let former = resolve("Catalonia's former leader Jordi Vidal and a former Kenyan army officer were detained.", "2024-03-01");
    assert_eq!(code_of(&former, "former leader Jordi Vidal").as_deref(), Some("ESPELI"), "{:#?}", former.actors);
    assert_eq!(code_of(&former, "a former Kenyan army officer").as_deref(), Some("KENELI"), "{:#?}", former.actors);
    let doc = resolve("Chilean Defence Minister Tomasa Quilapan visited the base on Monday.", "2024-03-04");
    let m = doc.actors.iter().find(|m| m.text.contains("Quilapan")).expect("mention of the minister");
    assert_eq!(m.code.as_deref(), Some("CHLGOV"), "{m:#?}");
    assert!(matches!(m.how, Resolution::Composition { .. }));
}

#[test]
fn a_new_persons_title_takes_its_possessor_or_keeps_its_sector() {
    let doc = resolve("Chile's defence minister Tomasa Quilapan visited the base on Monday.", "2024-03-04");
    let m = doc.actors.iter().find(|m| m.text.contains("Quilapan")).expect("mention of the minister");
    assert_eq!(m.code.as_deref(), Some("CHLGOV"), "{m:#?}");
    // No country anywhere: the title still says she is in government, and later "Quilapan"
    // is the same person.
    let doc = resolve("Defence Minister Tomasa Quilapan visited the base. Quilapan said the army was ready.", "2024-03-04");
    let ms: Vec<_> = doc.actors.iter().filter(|m| m.text.contains("Quilapan")).collect();
    assert_eq!(ms.len(), 2, "{:#?}", doc.actors);
    assert!(ms.iter().all(|m| m.code.as_deref() == Some("GOV") && m.country.is_none()), "{ms:#?}");
}

#[test]
fn office_holders_resolve_by_the_publication_date() {
    let before = resolve("Antony Blinken spoke in Paris.", "2022-06-01");
    assert_eq!(code_of(&before, "Antony Blinken").as_deref(), Some("USAGOV"));
    let after = resolve("Antony Blinken spoke in Paris.", "2025-06-01");
    // Out of office (since 2025-01-20): one of CAMEO's elites, former officials, of his country.
    assert_eq!(code_of(&after, "Antony Blinken").as_deref(), Some("USAELI"), "Blinken left office on 2025-01-20");
    // A title in the text says what they are now, however the parser split it off.
    let titled = resolve("Opposition leader Raila Odinga criticised the decision.", "2024-03-04");
    assert!(!titled.actors.iter().any(|m| m.code.as_deref() == Some("KENELI")), "{:#?}", titled.actors);
    // Before any office: nobody we know of.
    let zelensky = resolve("Volodymyr Zelensky spoke in Kyiv.", "2015-06-01");
    assert_eq!(code_of(&zelensky, "Volodymyr Zelensky"), None);
    // Unless the text gives a title: its sector, in the country of the office to come.
    let titled = resolve("President Volodymyr Zelensky spoke in Kyiv.", "2015-06-01");
    assert_eq!(code_of(&titled, "President Volodymyr Zelensky").as_deref(), Some("UKRGOV"), "{:#?}", titled.actors);
}

#[test]
fn places_are_not_actors_but_country_adjectives_are() {
    let doc = resolve("Soldiers gathered near the Ukrainian border as Western sanctions took effect.", "2022-02-10");
    assert!(mentions(&doc, "Ukrainian").is_empty() && !doc.actors.iter().any(|m| m.text.contains("border")), "{:#?}", doc.actors);
    assert_eq!(code_of(&doc, "Western").as_deref(), Some("WST"));
    // A state of something common is a condition, not a country to resolve.
    let doc2 = resolve("Kenya welcomed the deal. The junta extended the state of emergency and the state of siege.", "2024-03-01");
    assert!(!doc2.actors.iter().any(|m| m.text.contains("state")), "{:#?}", doc2.actors);
}

#[test]
fn surnames_and_pronouns_take_the_earlier_person() {
    let doc = resolve(
        "German Chancellor Olaf Scholz arrived in Warsaw on Tuesday. Scholz said he would meet the Polish president.",
        "2023-02-07",
    );
    let surname = &mentions(&doc, "Scholz")[0];
    assert_eq!(surname.code.as_deref(), Some("DEUGOV"));
    match &surname.how {
        Resolution::Coreference { antecedent, rule } => {
            assert!(antecedent.text.ends_with("Olaf Scholz"), "{antecedent:?}");
            assert_eq!(rule, "surname");
        }
        other => panic!("expected coreference, got {other:?}"),
    }
    let he = &mentions(&doc, "he")[0];
    assert_eq!(he.code.as_deref(), Some("DEUGOV"), "{he:#?}");
}

#[test]
fn an_object_pronoun_is_not_its_own_clauses_subject() {
    // The caller congratulates: "him" is the one called.
    let doc = resolve("Kenyan President William Ruto phoned Nigerian President Bola Tinubu to congratulate him.", "2024-03-04");
    let him = &mentions(&doc, "him")[0];
    assert_eq!(him.code.as_deref(), Some("NGAGOV"), "{him:#?}");
}

#[test]
fn a_body_named_after_an_international_organisation_is_one_of_its_organs() {
    let doc = resolve("The UN Boundary Commission ended its work on Friday.", "2024-03-04");
    assert_eq!(code_of(&doc, "The UN Boundary Commission").as_deref(), Some("IGOUNO"), "{:#?}", doc.actors);
}

#[test]
fn the_subject_of_a_statements_content_is_its_author() {
    // "it" is Uganda, whose claim it is, not Kenya, the sentence's subject.
    let doc = resolve("Kenya rejected Uganda's claim that it had moved troops to the border.", "2024-03-04");
    let it = &mentions(&doc, "it")[0];
    assert_eq!(it.code.as_deref(), Some("UGA"), "{it:#?}");
    let doc = resolve("Kenya doubts a Ugandan announcement that it had withdrawn its troops.", "2024-03-04");
    let it = &mentions(&doc, "it")[0];
    assert_eq!(it.code.as_deref(), Some("UGA"), "{it:#?}");
}

#[test]
fn a_capital_saying_where_a_person_is_from_names_civilians_not_the_government() {
    let doc = resolve("Police arrested a Nairobi man on Monday.", "2024-03-04");
    assert_eq!(code_of(&doc, "Nairobi").as_deref(), Some("KENCVL"), "{:#?}", doc.actors);
    // A capital ending the text (no final stop) is looked past without reading beyond it.
    let doc = resolve("Kampala protested to Nairobi", "2024-03-04");
    assert_eq!(code_of(&doc, "Kampala").as_deref(), Some("UGAGOV"), "{:#?}", doc.actors);
    let doc = resolve("Nairobi protested to Kampala.", "2024-03-04");
    assert_eq!(code_of(&doc, "Nairobi").as_deref(), Some("KENGOV"), "{:#?}", doc.actors);
    // A capital opening a longer name is part of that name: a newspaper's writer is no official.
    let doc = resolve("Nairobi Star columnist Jane Wambui criticised the budget.", "2024-03-04");
    assert!(doc.actors.iter().all(|m| m.code.as_deref() != Some("KENGOV")), "{:#?}", doc.actors);
}

#[test]
fn another_given_name_before_a_known_surname_is_someone_else() {
    // Antony Blinken's (invented) son is no secretary of state; the secretary himself, however
    // titled or spelt, still is.
    let doc = resolve("Daniel Blinken spoke at the school.", "2022-06-01");
    assert_eq!(code_of(&doc, "Daniel Blinken"), None, "{:#?}", doc.actors);
    for text in ["Secretary Blinken spoke in Paris.", "Tony Blinken spoke in Paris.", "Mr. Blinken spoke in Paris."] {
        let doc = resolve(text, "2022-06-01");
        assert!(doc.actors.iter().any(|m| m.code.as_deref() == Some("USAGOV")), "{text:?}: {:#?}", doc.actors);
    }
}

#[test]
fn it_in_a_comment_set_off_after_a_clause_is_that_clauses_object() {
    // "it" is the decision, coded as its maker, not Kenya named since.
    let doc = resolve("Uganda rejected President Ruto's decision to close the border with Kenya, calling it reckless.", "2024-03-04");
    let it = &mentions(&doc, "it")[0];
    assert_eq!(it.code.as_deref(), Some("KENGOV"), "{it:#?}");
    // A thing no actor names is no actor.
    let doc = resolve("Kenya rejected the new tariff, calling it unjust.", "2024-03-04");
    let it = &mentions(&doc, "it")[0];
    assert_eq!(it.code, None, "{it:#?}");
}

#[test]
fn pronouns_outside_a_quotation_skip_names_inside_it() {
    let doc = resolve(
        "Sergei Lavrov told reporters: \u{201c}Olaf Scholz has not called us.\u{201d} He added that talks could resume.",
        "2023-02-07",
    );
    let he = &mentions(&doc, "He")[0];
    assert_eq!(he.code.as_deref(), Some("RUSGOV"), "{:#?}", doc.actors);
}

#[test]
fn the_country_acting_is_the_last_country_that_acted() {
    let doc = resolve("Russia massed troops near Ukraine. The country denied it planned an attack.", "2022-01-21");
    assert_eq!(code_of(&doc, "The country").as_deref(), Some("RUS"), "{:#?}", doc.actors);
    // Not acting, it is the last country named.
    let doc = resolve("Kenya sent police officers to Haiti, where the country's president was killed in 2021.", "2024-03-01");
    assert_eq!(code_of(&doc, "the country").as_deref(), Some("HTI"), "{:#?}", doc.actors);
}

#[test]
fn the_two_countries_are_the_last_coordination_and_the_alliance_its_organisation() {
    let doc = resolve("Germany and France pledged to send fighter jets to Poland. The two countries also called for sanctions.", "2025-09-11");
    let pair: Vec<&str> = mentions(&doc, "The two countries").iter().filter_map(|m| m.code.as_deref()).collect();
    assert_eq!(pair, ["DEU", "FRA"], "{:#?}", doc.actors);
    let doc = resolve("NATO Secretary General Mark Rutte said the alliance would boost air defences.", "2025-09-11");
    assert_eq!(code_of(&doc, "the alliance").as_deref(), Some("IGOWSTNAT"), "{:#?}", doc.actors);
}

#[test]
fn it_refers_to_states_and_the_two_to_a_pair() {
    let doc = resolve(
        "India said it would send aid. Prime Minister Narendra Modi met Chinese President Xi Jinping in Kazan, and the two agreed to talk again.",
        "2024-10-23",
    );
    assert_eq!(mentions(&doc, "it")[0].code.as_deref(), Some("IND"));
    let mut pair: Vec<_> = mentions(&doc, "the two").iter().filter_map(|m| m.code.clone()).collect();
    pair.sort();
    assert_eq!(pair, ["CHNGOV", "INDGOV"], "{:#?}", doc.actors);
}

#[test]
fn every_actor_of_the_seed_article_resolves() {
    let path = detente_core::data::data_file("seed/000_b3abc5c9218013e2.txt").unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let doc = resolve(&text, "2022-01-21");
    let sentence_of = |needle: &str| {
        doc.sentences
            .iter()
            .position(|s| doc.slice(s.span).contains(needle))
            .unwrap_or_else(|| panic!("no sentence with {needle:?}")) as u32
    };
    let codes = |sentence: u32, text: &str| -> Vec<String> {
        let mut v: Vec<String> = doc
            .actors
            .iter()
            .filter(|m| m.sentence == sentence && m.text == text)
            .filter_map(|m| m.code.clone())
            .collect();
        v.sort();
        v
    };
    // Names and metonyms.
    let first = sentence_of("top diplomats");
    assert_eq!(codes(first, "Washington"), ["USAGOV"]);
    assert_eq!(codes(first, "Moscow"), ["RUSGOV"]);
    // The full name with its title, then the surname by coreference.
    let geneva = sentence_of("90 minutes");
    let full = doc.actors.iter().find(|m| m.sentence == geneva && m.text.ends_with("Antony Blinken")).expect("full name");
    assert_eq!(full.code.as_deref(), Some("USAGOV"));
    assert!(full.text.starts_with("US Secretary of State"), "{:?}", full.text);
    assert_eq!(codes(geneva, "he"), ["USAGOV"]);
    let surname = doc.actors.iter().find(|m| m.sentence > geneva && m.text == "Blinken").expect("Blinken");
    assert_eq!(surname.code.as_deref(), Some("USAGOV"));
    assert!(matches!(&surname.how, Resolution::Coreference { antecedent, .. } if antecedent.span == full.span));
    let lavrov = doc.actors.iter().find(|m| m.sentence == geneva && m.text.ends_with("Sergei Lavrov")).expect("Lavrov");
    assert_eq!(lavrov.code.as_deref(), Some("RUSGOV"));
    // Composition.
    let ministry = sentence_of("foreign ministry");
    assert_eq!(codes(ministry, "The Russian foreign ministry"), ["RUSGOV"]);
    // Western reprisals → the West; the Ukrainian border is a place.
    assert_eq!(codes(geneva, "Western"), ["WST"]);
    assert!(!doc.actors.iter().any(|m| m.text.contains("border") || m.text == "Ukrainian"));
    assert!(!doc.actors.iter().any(|m| m.text == "Geneva"), "Geneva is a location");
    // "he" after a quotation by Blinken; "He" after Lavrov's quotation naming Blinken.
    let anticipate = sentence_of("We anticipate");
    assert_eq!(codes(anticipate, "he"), ["USAGOV"]);
    let two = sentence_of("between the two");
    assert_eq!(codes(two, "He"), ["RUSGOV"]);
    assert_eq!(codes(two, "the two"), ["RUSGOV", "USAGOV"]);
    // The foes are the two states the story names most.
    assert_eq!(codes(sentence_of("Cold War"), "the former Cold War foes"), ["RUS", "USA"]);
    // "she" is the senior official.
    let she = sentence_of("public release");
    assert_eq!(codes(she, "she"), ["USAGOV"]);
    let official = doc.actors.iter().find(|m| m.text == "A senior US official").expect("official");
    assert!(matches!(&doc.actors.iter().find(|m| m.sentence == she && m.text == "she").unwrap().how,
        Resolution::Coreference { antecedent, .. } if antecedent.span == official.span));
    // Nothing is its own country's pronoun: "it" in "denying it plans" is Russia.
    assert_eq!(codes(sentence_of("tens of thousands"), "it"), ["RUS"]);
}

#[test]
fn acronyms_take_the_name_they_abbreviate() {
    let doc = resolve(
        "The Ghanaian Armed Forces (GAF) said they had cleared the border post. Later, GAF officers met the press. The GAF said it would stay.",
        "2023-05-02",
    );
    let gaf = mentions(&doc, "GAF");
    assert!(!gaf.is_empty(), "{:#?}", doc.actors);
    for m in &gaf {
        assert_eq!(m.code.as_deref(), Some("GHAMIL"), "{m:#?}");
        assert!(matches!(&m.how, Resolution::Coreference { rule, .. } if rule == "acronym"), "{m:#?}");
    }
    // The bracketed acronym does not swallow the name as if it were a person's title.
    assert_eq!(code_of(&doc, "The Ghanaian Armed Forces").as_deref(), Some("GHAMIL"));
}

#[test]
fn they_after_a_coordination_is_each_conjunct() {
    let doc = resolve("Peru and Ecuador signed the accord in Lima. They agreed to reopen the border.", "2024-03-04");
    let they: Vec<Option<&str>> = mentions(&doc, "They").iter().map(|m| m.code.as_deref()).collect();
    assert_eq!(they, vec![Some("PER"), Some("ECU")], "{:#?}", doc.actors);
}

#[test]
fn conjoined_country_words_before_an_agent_are_one_actor_each() {
    let doc = resolve("Armenian and Azerbaijani diplomats met on Monday.", "2024-03-04");
    let codes: Vec<Option<&str>> = mentions(&doc, "Armenian and Azerbaijani diplomats").iter().map(|m| m.code.as_deref()).collect();
    assert_eq!(codes, vec![Some("ARMGOV"), Some("AZEGOV")], "{:#?}", doc.actors);
}

#[test]
fn an_organisation_word_on_a_non_actor_noun_is_a_mention() {
    let doc = resolve("The army shelled Hamas positions overnight.", "2024-03-04");
    assert_eq!(code_of(&doc, "Hamas").as_deref(), Some("PSEREBHMS"), "{:#?}", doc.actors);
}

#[test]
fn an_unknown_person_takes_the_actor_of_the_apposition() {
    let doc = resolve("Tomas Varga, a spokesman for the United Nations, said the convoy had been stopped.", "2024-03-04");
    assert_eq!(code_of(&doc, "Tomas Varga").as_deref(), Some("IGOUNO"), "{:#?}", doc.actors);
    let doc = resolve("Lena Horvat, a Croatian defence ministry official, declined to comment.", "2024-03-04");
    let m = doc.actors.iter().find(|m| m.text.contains("Horvat")).expect("a mention of her");
    assert!(m.code.as_deref().is_some_and(|c| c.starts_with("HRV")), "{m:#?}");
    // A country an expert studies is not one they speak for; the think tank they work at is
    // (an NGO, and no weapon).
    let doc = resolve("\"Beijing will try to split the Europeans,\" said Noah Barkin, a China specialist at a Berlin think tank.", "2024-03-04");
    assert_eq!(code_of(&doc, "Noah Barkin").as_deref(), Some("NGODEU"), "{:#?}", doc.actors);
    let doc = resolve("Noah Barkin, a China specialist, said the talks had failed.", "2024-03-04");
    assert_eq!(code_of(&doc, "Noah Barkin"), None, "{:#?}", doc.actors);
    // An adviser is one.
    let doc = resolve("Massad Boulos, a senior U.S. adviser on Africa, attended the ceremony.", "2024-03-04");
    assert_eq!(code_of(&doc, "Massad Boulos").as_deref(), Some("USA"), "{:#?}", doc.actors);
}

#[test]
fn names_with_a_possessive_match_whole() {
    let doc = resolve("Peru returned the artefacts to the People's Republic of China.", "2024-03-04");
    assert_eq!(code_of(&doc, "the People's Republic of China").as_deref(), Some("CHN"), "{:#?}", doc.actors);
}

#[test]
fn they_may_be_an_organisation_when_no_group_precedes() {
    let doc = resolve("Hezbollah said they had fired rockets at an army post.", "2024-03-04");
    assert_eq!(code_of(&doc, "they").as_deref(), code_of(&doc, "Hezbollah").as_deref(), "{:#?}", doc.actors);
}

#[test]
fn a_titled_person_out_of_office_keeps_the_title_in_the_last_country_but_not_a_former_one() {
    // Alpha Condé's presidency ended on 2021-09-05 in the lexicon.
    let doc = resolve("Soldiers detained President Alpha Condé on Sunday.", "2021-09-06");
    assert_eq!(code_of(&doc, "President Alpha Condé").as_deref(), Some("GINGOV"), "{:#?}", doc.actors);
    let doc = resolve("Soldiers detained former President Alpha Condé in 2023.", "2023-09-06");
    let m = doc.actors.iter().find(|m| m.text.contains("Condé")).expect("a mention of him");
    assert_ne!(m.code.as_deref(), Some("GINGOV"), "{m:#?}");
}

#[test]
fn a_regions_adjective_or_people_is_its_country() {
    let doc = resolve("Tigrayan forces shelled a garrison near the town.", "2024-03-04");
    assert_eq!(code_of(&doc, "Tigrayan forces").as_deref(), Some("ETHMIL"), "{:#?}", doc.actors);
    // Refugees carry the country they fled, as "Syrian refugees" do.
    let doc = resolve("Rohingya refugees waited at the camp gates.", "2024-03-04");
    assert_eq!(code_of(&doc, "Rohingya refugees").as_deref(), Some("MMRREF"), "{:#?}", doc.actors);
}

#[test]
fn opposition_names_the_side_of_its_supporters_and_lawmakers() {
    let doc = resolve("Opposition supporters marched to the square.", "2024-03-04");
    assert_eq!(code_of(&doc, "Opposition supporters").as_deref(), Some("OPP"), "{:#?}", doc.actors);
    let doc = resolve("Zambian opposition lawmakers boycotted the vote.", "2024-03-04");
    assert_eq!(code_of(&doc, "Zambian opposition lawmakers").as_deref(), Some("ZMBOPP"), "{:#?}", doc.actors);
}

#[test]
fn a_country_conjoined_with_an_armed_group_is_an_actor_of_its_own() {
    let doc = resolve("Colombia and ELN rebels agreed to a truce in the north.", "2024-03-04");
    assert_eq!(code_of(&doc, "Colombia").as_deref(), Some("COL"), "{:#?}", doc.actors);
    let rebels: Vec<Option<&str>> = mentions(&doc, "ELN rebels").iter().map(|m| m.code.as_deref()).collect();
    assert_eq!(rebels, vec![Some("COLREB")], "{:#?}", doc.actors);
}

#[test]
fn agents_from_elsewhere_take_no_country_from_where_they_are() {
    let doc = resolve("ATHENS (Detente) - Greek coast guards rescued 60 migrants at sea.", "2024-03-04");
    assert_eq!(code_of(&doc, "60 migrants").as_deref(), Some("CVL"), "{:#?}", doc.actors);
    let doc = resolve("Peacekeepers in Lebanon were evacuated. Refugees from Sudan arrived in Chad.", "2024-03-04");
    assert_eq!(code_of(&doc, "Peacekeepers").as_deref(), Some("MIL"), "{:#?}", doc.actors);
    assert_eq!(code_of(&doc, "Refugees").as_deref(), Some("SDNREF"), "{:#?}", doc.actors);
}

#[test]
fn a_sentence_set_in_another_countrys_place_is_not_left_to_the_dateline() {
    let doc = resolve("NAIROBI (Detente) - Students rallied outside the court in Kampala on Friday.", "2024-03-04");
    assert_ne!(code_of(&doc, "Students").as_deref(), Some("KENEDU"), "{:#?}", doc.actors);
    // Nor is a definite description of that sentence.
    let doc = resolve("NAIROBI (Detente) - The militants attacked a convoy in Mogadishu on Friday.", "2024-03-04");
    assert_ne!(code_of(&doc, "The militants").as_deref(), Some("KENUAF"), "{:#?}", doc.actors);
}

#[test]
fn the_group_and_plural_descriptions_take_the_last_such_actor() {
    let doc = resolve(
        "BOGOTA (Detente) - ELN rebels raided a village. A spokesman for the group said it would strike again. Soldiers later clashed with the rebels.",
        "2024-03-04",
    );
    assert_eq!(code_of(&doc, "ELN rebels").as_deref(), Some("COLREB"), "{:#?}", doc.actors);
    assert_eq!(code_of(&doc, "the group").as_deref(), Some("COLREB"), "{:#?}", doc.actors);
    let rebels = mentions(&doc, "the rebels");
    assert!(matches!(&rebels[0].how, Resolution::Coreference { antecedent, .. } if antecedent.text == "ELN rebels"), "{rebels:#?}");
}

#[test]
fn a_country_word_found_from_two_heads_is_one_mention() {
    let doc = resolve("The ruling Georgian Dream party accused the opposition.", "2024-03-04");
    // Whether the country word is a mention of its own or inside the party's, it is in one only.
    let with_georgian = doc.actors.iter().filter(|m| m.text.split(' ').any(|w| w == "Georgian")).count();
    assert_eq!(with_georgian, 1, "{:#?}", doc.actors);
}

#[test]
fn a_definite_title_with_nothing_to_refer_to_keeps_its_sector() {
    let doc = resolve("The governor declined to comment on the bill.", "2023-05-02");
    assert_eq!(code_of(&doc, "The governor").as_deref(), Some("GOV"));
    // With someone to refer to, it is that person.
    let doc = resolve("Russian Foreign Minister Sergei Lavrov flew to Ankara. The minister met his Turkish counterpart.", "2023-05-02");
    assert_eq!(code_of(&doc, "The minister").as_deref(), Some("RUSGOV"));
}

#[test]
fn us_federal_agencies_by_their_full_names() {
    let doc = resolve("The Federal Bureau of Investigation and the National Security Agency briefed senators.", "2023-05-02");
    assert_eq!(code_of(&doc, "The Federal Bureau of Investigation").as_deref(), Some("USACOP"));
    assert_eq!(code_of(&doc, "the National Security Agency").as_deref(), Some("USASPY"));
}

#[test]
fn former_office_holders_are_their_countrys_elites() {
    // Out of office: "former" or "ex-" makes them ELI of the country they served.
    let doc = resolve("Ukraine imposed sanctions on former President Viktor Yanukovych and ex-Prime Minister Mykola Azarov.", "2023-05-02");
    assert_eq!(code_of(&doc, "former President Viktor Yanukovych").as_deref(), Some("UKRELI"));
    assert_eq!(code_of(&doc, "ex-Prime Minister Mykola Azarov").as_deref(), Some("UKRELI"));
}

#[test]
fn a_story_filed_abroad_keeps_its_government_and_its_rebels() {
    let doc = resolve(
        "OSLO (Detente) - Colombia's government and the ELN signed a truce on Friday. The talks were held at a hotel. \
         Mediators praised both delegations. The accord takes effect in May. Monitors will verify it. \
         The government said the truce could be extended. An ELN attack killed five soldiers in March. The rebels deny that.",
        "2025-05-10",
    );
    assert_eq!(code_of(&doc, "The government").as_deref(), Some("COLGOV"));
    assert_eq!(code_of(&doc, "The rebels").as_deref(), Some("COLREB"));
}

#[test]
fn an_armed_groups_officials_are_the_group() {
    let doc = resolve("The ELN's lead negotiator said the talks would resume.", "2025-05-10");
    assert_eq!(code_of(&doc, "lead negotiator").as_deref(), Some("COLREB"));
}

#[test]
fn an_unknown_person_speaking_for_an_institution_is_it() {
    let doc = resolve("State Department spokesman John Smith said the talks had failed.", "2025-05-10");
    assert_eq!(code_of(&doc, "State Department spokesman John Smith").as_deref(), Some("USAGOV"));
}

#[test]
fn a_name_in_apposition_right_after_its_title_takes_it() {
    // Parsed with "Mao Ning" in apposition to "spokeswoman".
    let doc = resolve("Chinese Foreign Ministry spokeswoman Mao Ning urged Washington to stop arming Taiwan.", "2025-05-10");
    assert_eq!(code_of(&doc, "Chinese Foreign Ministry spokeswoman Mao Ning").as_deref(), Some("CHNGOV"));
}

#[test]
fn a_machine_of_force_acts_for_its_operator() {
    let doc = resolve(
        "A Bolivian police helicopter fired on the crowd. Israeli drones struck a car near Jenin. A Turkish plane landed in Baku. \
         Rebels ambushed a military vehicle. Egyptian army tanks and Ethiopian artillery moved north.",
        "2024-03-01",
    );
    assert_eq!(code_of(&doc, "A Bolivian police helicopter").as_deref(), Some("BOLCOP"));
    assert_eq!(code_of(&doc, "Israeli drones").as_deref(), Some("ISRMIL"));
    assert_eq!(code_of(&doc, "Ethiopian artillery").as_deref(), Some("ETHMIL"));
    assert_eq!(code_of(&doc, "Egyptian army tanks").as_deref(), Some("EGYMIL"));
    // A vehicle with only a country may be anyone's; one with no country is a thing.
    assert_eq!(code_of(&doc, "Turkish").as_deref(), Some("TUR"));
    assert!(mentions(&doc, "a military vehicle").is_empty(), "{:#?}", doc.actors);
}

#[test]
fn a_vehicle_of_a_military_model_is_a_weapon() {
    let doc = resolve("Thai F-16 jets bombed Cambodian positions. Two Russian Su-25 aircraft crashed. A Thai jet landed in Bangkok.", "2025-07-25");
    assert_eq!(code_of(&doc, "Thai F-16 jets").as_deref(), Some("THAMIL"));
    assert_eq!(code_of(&doc, "Two Russian Su-25 aircraft").as_deref(), Some("RUSMIL"));
    // Without a model the vehicle may be anyone's.
    assert_eq!(code_of(&doc, "Thai").as_deref(), Some("THA"));
}

#[test]
fn a_post_of_a_force_stands_for_the_force() {
    let doc = resolve(
        "Gunmen stormed a police station in Kano. Syrian troops shelled rebel positions in Idlib. \
         The militants attacked an Afghan army base. A bus stopped at the station.",
        "2024-03-01",
    );
    assert_eq!(code_of(&doc, "a police station").as_deref(), Some("NGACOP"));
    assert_eq!(code_of(&doc, "rebel positions").as_deref(), Some("SYRREB"));
    assert_eq!(code_of(&doc, "an Afghan army base").as_deref(), Some("AFGMIL"));
    // Without a force named with it, a post is a place.
    assert!(mentions(&doc, "the station").is_empty(), "{:#?}", doc.actors);
}

#[test]
fn a_name_parsed_flat_under_its_title_is_the_titled_person() {
    // The parser hangs "Minister X Y" flat under "Defense"; the phrase is one person.
    let doc = resolve("Libyan Defense Minister Salahaddin Namroush has threatened to withdraw from a ceasefire agreement.", "2024-03-01");
    assert_eq!(code_of(&doc, "Libyan Defense Minister Salahaddin Namroush").as_deref(), Some("LBYGOV"));
}

#[test]
fn an_official_of_the_government_named_before_is_of_that_government() {
    // Filed from a third country: the dateline must not decide whose negotiator this is.
    let doc = resolve(
        "OSLO (Detente Wire) — Chad's government signed a truce with the rebels on Monday.\n\nThe government's chief negotiator, Ali Mahamat, said it would hold.",
        "2024-03-01",
    );
    assert_eq!(code_of(&doc, "chief negotiator, Ali Mahamat").as_deref(), Some("TCDGOV"));
}

#[test]
fn offices_of_legislators_politicians_and_commissioners_compose() {
    let doc = resolve(
        "A Latvian MEP criticised the deal. Three Kyrgyz politicians filed a lawsuit. The U.S. secretary of defense arrived in Seoul. The police commissioner of Lagos banned the march.",
        "2024-03-01",
    );
    assert_eq!(code_of(&doc, "A Latvian MEP").as_deref(), Some("LVALEG"));
    assert_eq!(code_of(&doc, "Three Kyrgyz politicians").as_deref(), Some("KGZPTY"));
    assert_eq!(code_of(&doc, "The U.S. secretary of defense").as_deref(), Some("USAGOV"));
    assert_eq!(code_of(&doc, "The police commissioner").as_deref(), Some("NGACOP"));
    let doc = resolve(
        "The Dubai ruler thanked the donors. The Australian High Commission issued a travel warning. The Swedish International Development Agency funded the clinic.",
        "2024-03-01",
    );
    assert_eq!(code_of(&doc, "The Dubai ruler").as_deref(), Some("AREGOV"));
    assert_eq!(code_of(&doc, "The Australian High Commission").as_deref(), Some("AUSGOV"));
    assert_eq!(code_of(&doc, "The Swedish International Development Agency").as_deref(), Some("SWEGOV"));
}

#[test]
fn a_lowercase_word_closing_a_flat_name_is_not_part_of_it() {
    // The tagger reads "meanwhile" as a noun and the parser hangs it flat on the name; "al" and
    // "bin" inside names stay.
    let doc = resolve("Libyan Prime Minister Fayez al-Sarraj meanwhile rejected the proposal. Saudi Crown Prince Mohammed bin Salman met him.", "2019-03-01");
    assert_eq!(code_of(&doc, "Libyan Prime Minister Fayez al-Sarraj").as_deref(), Some("LBYGOV"));
    assert_eq!(code_of(&doc, "Saudi Crown Prince Mohammed bin Salman").as_deref(), Some("SAUGOV"));
}

#[test]
fn a_ministry_of_something_of_a_country_is_that_countrys() {
    let doc = resolve("Canada sent tents to the Ministry of Health of Malawi. The Ministry of Foreign Affairs of Peru thanked Ottawa.", "2024-03-01");
    assert_eq!(code_of(&doc, "the Ministry").as_deref(), Some("MWIGOV"));
    assert_eq!(code_of(&doc, "The Ministry of Foreign Affairs").as_deref(), Some("PERGOV"));
}

#[test]
fn abbreviated_titles_before_a_name() {
    // "Sen." and "Rep." are American titles, even in a story filed from elsewhere.
    let doc = resolve(
        "MANILA — Sen. Ada Brooks criticised the drills. Lt. Gen. Bako Musa met a Chadian colonel. Gov. Lina Okafor of Nigeria thanked them.",
        "2024-03-01",
    );
    assert_eq!(code_of(&doc, "Sen. Ada Brooks").as_deref(), Some("USALEG"));
    assert_eq!(code_of(&doc, "Lt. Gen. Bako Musa").as_deref().map(|c| c.ends_with("MIL")), Some(true));
    assert_eq!(code_of(&doc, "a Chadian colonel").as_deref(), Some("TCDMIL"));
    assert_eq!(code_of(&doc, "Gov. Lina Okafor").as_deref(), Some("NGAGOV"));
    let doc = resolve("The rebels freed a Peruvian sergeant and Capt. Luis Soto.", "2024-03-01");
    assert_eq!(code_of(&doc, "a Peruvian sergeant").as_deref(), Some("PERMIL"));
    assert_eq!(code_of(&doc, "Capt. Luis Soto").as_deref().map(|c| c.ends_with("MIL")), Some(true));
    let doc = resolve("Bolivian truck drivers and Chilean miners blocked the road.", "2024-03-01");
    assert_eq!(code_of(&doc, "Bolivian truck drivers").as_deref(), Some("BOLLAB"));
    assert_eq!(code_of(&doc, "Chilean miners").as_deref(), Some("CHLLAB"));
}

#[test]
fn european_heads_of_government_of_2025() {
    let doc = resolve("Pedro Sánchez and Mette Frederiksen met Christian Stocker in Vienna. Store owners protested.", "2025-06-01");
    assert_eq!(code_of(&doc, "Pedro Sánchez").as_deref(), Some("ESPGOV"));
    assert_eq!(code_of(&doc, "Mette Frederiksen").as_deref(), Some("DNKGOV"));
    assert_eq!(code_of(&doc, "Christian Stocker").as_deref(), Some("AUTGOV"));
    // A Norwegian name folded to ASCII ("Støre" is "store") is no alias of its own.
    assert!(doc.actors.iter().all(|m| m.code.as_deref() != Some("NORGOV")), "{:#?}", doc.actors);
}

#[test]
fn a_titled_name_stops_at_the_conjunct_after_it() {
    // The parser hangs the second official on a word of the first one's name, and the title
    // "Minister" flat on the adjective "Kuwaiti".
    let doc = resolve(
        "U.S. Trade Representative Jane Holt and Kuwaiti Minister of Commerce and Industry Saad Al Farsi today signed an agreement on trade.",
        "2024-03-01",
    );
    assert_eq!(code_of(&doc, "U.S. Trade Representative Jane Holt").as_deref(), Some("USAGOV"));
    assert_eq!(code_of(&doc, "Kuwaiti Minister").as_deref(), Some("KWTGOV"));
}

#[test]
fn a_spokesman_is_whom_he_speaks_for() {
    let doc = resolve("A spokesman for the Taliban claimed responsibility for the attack.", "2019-03-01");
    assert_eq!(code_of(&doc, "A spokesman").as_deref(), Some("AFGREB"));
    let doc = resolve("An Amnesty spokeswoman criticised the verdict.", "2024-03-01");
    assert_eq!(code_of(&doc, "An Amnesty spokeswoman").as_deref(), Some("NGOHRIAMN"));
}

#[test]
fn an_institution_named_after_its_leader_is_an_it() {
    let doc = resolve("The Trump administration said it would impose new sanctions on Iran.", "2019-03-01");
    assert_eq!(code_of(&doc, "The Trump administration").as_deref(), Some("USAGOV"));
    assert_eq!(code_of(&doc, "it").as_deref(), Some("USAGOV"), "{:#?}", doc.actors);
}

#[test]
fn an_unknown_name_is_what_its_bracketed_acronym_names() {
    let doc = resolve("China and the Eurasian Economic Union (EAEU) signed an agreement on trade.", "2024-03-01");
    assert_eq!(code_of(&doc, "the Eurasian Economic Union").as_deref(), Some("IGOCASEAE"), "{:#?}", doc.actors);
}

#[test]
fn a_weapon_a_country_supplied_is_not_its_military() {
    let doc = resolve("Kyiv asked for permission to fire British-supplied missiles at targets in Russia.", "2024-09-10");
    assert!(doc.actors.iter().all(|m| m.code.as_deref() != Some("GBRMIL")), "{:#?}", doc.actors);
    let doc = resolve("Israeli drones struck a car in Gaza.", "2024-09-10");
    assert_eq!(code_of(&doc, "Israeli drones").as_deref(), Some("ISRMIL"));
}

#[test]
fn a_singular_it_is_neither_one_of_a_coordination_nor_an_actor_when_a_thing_is_nearer() {
    // "It" is the resolution, which no actor code names; not Russia, one of three who voted.
    let doc = resolve(
        "The resolution, drafted by Britain and France, was approved by the board. Russia, China and Cuba voted against. It asks the agency's chief to report by March.",
        "2024-11-22",
    );
    assert_eq!(code_of(&doc, "It"), None, "{:#?}", doc.actors);
    // An organisation named by its acronym and a common noun is still the organisation.
    let doc = resolve("The NATO alliance has agreed to an expansion of its peacekeeping force in Afghanistan.", "2010-03-01");
    assert_eq!(code_of(&doc, "its").as_deref(), Some("IGOWSTNAT"), "{:#?}", doc.actors);
}

#[test]
fn a_thing_named_after_a_person_is_not_the_person() {
    for (text, thing) in [
        ("Protesters gathered outside Trump Tower on Sunday.", "Trump Tower"),
        ("The Clinton Foundation accepted donations from Saudi Arabia.", "The Clinton Foundation"),
    ] {
        let doc = resolve(text, "2019-03-01");
        assert_eq!(code_of(&doc, thing), None, "{text}: {:#?}", doc.actors);
    }
    let doc = resolve("The Trump administration imposed sanctions on Iran.", "2019-03-01");
    assert_eq!(code_of(&doc, "The Trump administration").as_deref(), Some("USAGOV"));
}

#[test]
fn a_capitalised_group_name_is_no_definite_description() {
    let doc = resolve(
        "Islamic State has called for attacks on crowds, according to the SITE Intelligence Group, which monitors extremist websites.",
        "2016-07-15",
    );
    // Whether or not NER takes it for an organisation, it is not "the group" (Islamic State).
    assert!(doc.actors.iter().all(|m| !m.text.contains("Group") || m.code.is_none()), "{:#?}", doc.actors);
    let doc = resolve("Islamic State claimed the attack. The group said it would strike again.", "2016-07-15");
    assert_eq!(code_of(&doc, "The group").as_deref(), Some("IMGMUSISI"));
}

#[test]
fn a_capital_opening_a_longer_name_names_no_government() {
    let doc = resolve("The Nairobi Securities Exchange suspended trading on Monday.", "2024-03-01");
    assert!(doc.actors.iter().all(|m| m.code.as_deref() != Some("KENGOV")), "{:#?}", doc.actors);
    // A capital alone before a common noun still stands for its government.
    let doc = resolve("Nairobi officials suspended the talks on Monday.", "2024-03-01");
    assert!(doc.actors.iter().any(|m| m.code.as_deref() == Some("KENGOV")), "{:#?}", doc.actors);
}

#[test]
fn councils_of_states_and_provinces_are_governments_not_the_un() {
    let doc = resolve("Kenya's National Security Council met on Monday. The Mombasa county council voted against the plan.", "2024-03-01");
    assert!(doc.actors.iter().all(|m| !m.code.as_deref().unwrap_or_default().starts_with("IGOUNO")), "{:#?}", doc.actors);
    assert!(doc.actors.iter().any(|m| m.text.contains("National Security Council") && m.code.as_deref().is_some_and(|c| c.ends_with("GOV"))), "{:#?}", doc.actors);
    assert_eq!(code_of(&doc, "The Mombasa county council").as_deref(), Some("KENGOV"));
    let doc = resolve("The bloc's Peace and Security Council suspended Mali.", "2024-03-01");
    assert_eq!(code_of(&doc, "Peace and Security Council").as_deref(), Some("IGOAFRAFU"));
}

#[test]
fn a_surname_with_an_age_is_the_person_named_before() {
    // The name's head is its first word; the surname is its last. "Sylla, 61" is a one-word name
    // with an age.
    let doc = resolve("Guinean opposition leader Mamadou Kaba Sylla was arrested on Monday. Sylla, 61, denied the charges.", "2024-03-01");
    assert_eq!(code_of(&doc, "Guinean opposition leader Mamadou Kaba Sylla").as_deref(), Some("GINOPP"));
    assert_eq!(code_of(&doc, "Sylla, 61").as_deref(), Some("GINOPP"));
    // A title the parser read as a second subject still composes with the name.
    let doc = resolve("Kenyan official John Ngata criticised the plan. Ngata said it would fail.", "2024-03-01");
    assert_eq!(code_of(&doc, "Kenyan official John Ngata").as_deref(), Some("KENGOV"));
    assert_eq!(code_of(&doc, "Ngata").as_deref(), Some("KENGOV"));
}

#[test]
fn both_countries_and_the_rivals_are_the_storys_two_states() {
    let doc = resolve("India and Pakistan traded fire on Monday. The United States urged both countries to exercise restraint.", "2025-05-08");
    assert_eq!(codes(&doc, "both countries"), ["IND", "PAK"]);
    // Named long before, and more often than any other country.
    let text = "New Delhi accused Islamabad of backing the attack. Pakistan rejected the charge and India vowed to respond. \
                Residents fled the area. Police closed the roads. Schools stayed shut. Shops were empty. \
                The United States urged both countries to exercise restraint.";
    let doc = resolve(text, "2025-05-08");
    assert_eq!(codes(&doc, "both countries"), ["IND", "PAK"]);
    // "Rivals" are the story's main pair, not the last two countries named.
    let text = "India accused Pakistan of backing the attack. Pakistan denied it, and India expelled its diplomats. \
                China called for talks with officials in New Delhi. \
                Analysts said the two nuclear-armed rivals had come close to war in 2019.";
    let doc = resolve(text, "2025-05-08");
    assert_eq!(codes(&doc, "the two nuclear-armed rivals"), ["IND", "PAK"]);
}

#[test]
fn the_last_word_of_an_organisations_name_names_it_again() {
    let doc = resolve("The European Commission imposed tariffs on Chinese cars. Beijing protested. The Commission said talks would continue.", "2024-10-29");
    assert_eq!(code_of(&doc, "The Commission").as_deref(), Some("IGOEUREEC"));
    let doc = resolve("The International Criminal Court issued a warrant for him. The court said the case would continue.", "2024-10-29");
    assert_eq!(code_of(&doc, "The court").as_deref(), Some("IGOJUDICC"));
}

#[test]
fn an_organisations_board_of_governors_is_the_organisation() {
    // Not governors of the dateline's country.
    let doc = resolve("VIENNA (Reuters) — The IAEA's Board of Governors censured Iran on Thursday.", "2024-11-21");
    assert_eq!(code_of(&doc, "Board of Governors").as_deref(), Some("IGOUNOIAE"));
    assert!(mentions(&doc, "Governors").is_empty(), "{:#?}", doc.actors);
}

#[test]
fn a_possessive_in_a_clause_asked_of_someone_is_theirs() {
    let doc = resolve("The UN Security Council called on Eritrea to withdraw its troops from Tigray.", "2024-03-01");
    assert_eq!(code_of(&doc, "its").as_deref(), Some("ERI"));
    // With no one asked, the clause's doer is the verb's subject.
    let doc = resolve("Ethiopia agreed on Monday to withdraw its troops from the border.", "2024-03-01");
    assert_eq!(code_of(&doc, "its").as_deref(), Some("ETH"));
}

#[test]
fn the_two_neighbours_are_not_the_go_between_nor_a_meeting_place() {
    let doc = resolve(
        "Sudan accused Chad of arming the rebels. The UN urged both sides to resume talks in Nairobi. Egypt has offered to mediate between the two neighbours.",
        "2024-03-01",
    );
    let pair: Vec<Option<&str>> = mentions(&doc, "the two neighbours").iter().map(|m| m.code.as_deref()).collect();
    assert!(pair.contains(&Some("SDN")) && pair.contains(&Some("TCD")), "{pair:?}");
}

#[test]
fn it_accused_after_a_clause_is_someone_not_the_clauses_object() {
    // Naming or judging the clause's object ("calling it …") refers to a thing; accusing does not.
    let doc = resolve("Riyadh urged Western powers not to ease pressure on Tehran, accusing it of arming the rebels.", "2024-03-01");
    assert_eq!(code_of(&doc, "it").as_deref(), Some("IRNGOV"));
}

#[test]
fn they_after_a_pair_are_both_of_the_pair() {
    let doc = resolve("Ethiopia and Eritrea fought a border war. Residents fled. The two countries signed a truce in 2000. They exchanged prisoners in 2001.", "2025-03-10");
    assert_eq!(codes(&doc, "They"), ["ERI", "ETH"]);
}

#[test]
fn both_sides_are_the_storys_two_main_parties() {
    let text = "Sudan's army accused the RSF of shelling the town. The RSF denied it and said the army had attacked first. \
                Aid agencies said civilians were trapped. The UN urged both sides to allow aid through.";
    let doc = resolve(text, "2025-03-10");
    assert_eq!(codes(&doc, "both sides"), ["SDNMIL", "SDNREB"]);
    // Whoever urges them is none of them, even as the last two named.
    let text = "China accused the Philippines of ramming its vessel. The Philippines said China had fired water cannon. \
                Japan and Australia voiced concern. Canberra urged both sides to exercise restraint.";
    let doc = resolve(text, "2024-06-01");
    assert_eq!(codes(&doc, "both sides"), ["CHN", "PHL"]);
    // A state's forces fight for it: Armenia and Azerbaijan are the sides, not Azerbaijan and its army.
    let text = "Armenia shelled Azerbaijan on Friday, killing two Azerbaijani soldiers. Azerbaijani troops fired back. \
                Armenia said it would respond. The UN urged both sides to show restraint.";
    let doc = resolve(text, "2025-03-10");
    assert_eq!(codes(&doc, "both sides"), ["ARM", "AZE"]);
    // Sides of a border, or sides no story names twice, are no actor.
    let doc = resolve("Rescuers on both sides of the border dug through the night.", "2025-03-10");
    assert!(mentions(&doc, "both sides").is_empty(), "{:#?}", doc.actors);
    let doc = resolve("The UN urged both sides to allow aid through.", "2025-03-10");
    assert!(mentions(&doc, "both sides").is_empty(), "{:#?}", doc.actors);
}

#[test]
fn both_governments_are_the_pairs_governments() {
    let doc = resolve("Ethiopia and Eritrea traded threats. Washington said it was in contact with both governments.", "2025-03-10");
    assert_eq!(codes(&doc, "both governments"), ["ERIGOV", "ETHGOV"]);
    // With no pair named, they keep their sector.
    let doc = resolve("Washington said it was in contact with both governments.", "2025-03-10");
    assert_eq!(codes(&doc, "both governments"), ["GOV"]);
}

#[test]
fn a_pair_leaves_out_whoever_speaks_of_it() {
    // Brazil, named before, is the subject of the clause that names "both countries".
    let text = "Venezuela massed troops near Guyana. Venezuela denied it planned an attack. \
                Guyana said it would defend itself and asked Brazil for help. Brazil, which borders both countries, sent troops north.";
    let doc = resolve(text, "2025-03-12");
    assert_eq!(codes(&doc, "both countries"), ["GUY", "VEN"]);
    // A place of the sentence itself is no party: "leaders meeting in Barbados urged both governments".
    let text = "Venezuela massed troops near Guyana. Guyana called the move a threat. Caracas denied any plan to invade. \
                Guyana asked the UN for help. The United States warned Caracas. Caribbean leaders meeting in Barbados urged both governments to talk.";
    let doc = resolve(text, "2025-03-12");
    assert_eq!(codes(&doc, "both governments"), ["GUYGOV", "VENGOV"]);
}

#[test]
fn the_court_after_an_international_court_is_that_court() {
    let text = "The International Court of Justice ordered Venezuela to refrain from any action. Caracas does not recognise the court.";
    let doc = resolve(text, "2025-03-12");
    assert_eq!(codes(&doc, "the court"), ["IGOUNOJUDICJ"]);
    // A national court named before is still the court.
    let text = "Venezuela's Supreme Court upheld the ban. Caracas said the court had ruled.";
    let doc = resolve(text, "2025-03-12");
    assert_eq!(codes(&doc, "the court"), ["VENJUD"]);
}

#[test]
fn his_country_is_the_possessors_country() {
    let doc = resolve("Venezuela's defence minister denied that his country planned to invade its smaller neighbour.", "2025-03-12");
    assert_eq!(codes(&doc, "country"), ["VEN"]);
    assert_eq!(code_of(&doc, "its").as_deref(), Some("VEN"));
    // An organisation's officer has no country of his own.
    let doc = resolve("The UN envoy said his country would not take sides.", "2025-03-12");
    assert!(codes(&doc, "country").is_empty(), "{:#?}", doc.actors);
}

#[test]
fn their_leaders_after_three_countries_are_each_ones_leaders() {
    let doc = resolve("Mali, Burkina Faso and Niger withdrew from ECOWAS in January. Their leaders have pledged to build a joint force.", "2024-08-05");
    assert_eq!(codes(&doc, "leaders"), ["BFAGOV", "MLIGOV", "NERGOV"]);
    // One owner: one code.
    let doc = resolve("Niger withdrew from ECOWAS in January. Its leaders have pledged to build a force.", "2024-08-05");
    assert_eq!(codes(&doc, "leaders"), ["NERGOV"]);
}

#[test]
fn a_spokesman_for_a_body_the_lexicon_does_not_know_is_not_the_datelines_government() {
    let doc = resolve("WASHINGTON (Detente) - Alan Brewer, a spokesman for the National Rifle Association, criticised the bill.", "2025-06-10");
    assert!(doc.actors.iter().all(|a| a.code.as_deref() != Some("USAGOV")), "{:#?}", doc.actors);
    // A spokesman for no one named still speaks for the dateline's government; a press
    // secretary is a government's, not the press.
    let doc = resolve("WASHINGTON (Detente) - A spokesman said the bill would pass. Press secretary Karen Olsen agreed.", "2025-06-10");
    assert_eq!(code_of(&doc, "A spokesman").as_deref(), Some("USAGOV"), "{:#?}", doc.actors);
    assert_eq!(code_of(&doc, "Press secretary Karen Olsen").as_deref(), Some("USAGOV"), "{:#?}", doc.actors);
}

#[test]
fn a_reflexive_is_its_clauses_subject() {
    let doc = resolve("Kenya and Somalia closed the border. Hospitals in Mandera declared an emergency. Both governments have boxed themselves in, a diplomat said.", "2024-03-01");
    assert_eq!(codes(&doc, "themselves"), vec!["KEN", "SOM"], "{:#?}", doc.actors);
    let doc = resolve("The rebels said the army had attacked them and vowed to defend themselves.", "2024-03-01");
    assert_eq!(codes(&doc, "themselves"), vec!["REB"]);
}

#[test]
fn the_two_neighbours_are_the_storys_main_states_over_the_last_two_named() {
    let doc = resolve(
        "Ethiopia accused Eritrea of massing troops. Eritrea denied it. Ethiopia closed the border, and Eritrea recalled its envoy. \
         Sudan called for calm, and Egypt offered to mediate. Analysts said the two neighbours could not afford a war.",
        "2024-03-01",
    );
    assert_eq!(codes(&doc, "the two neighbours"), vec!["ERI", "ETH"], "{:#?}", doc.actors);
}

#[test]
fn the_pair_a_host_talks_between_is_not_the_host() {
    // The agreeing states are the leaders; the host, subject of the clause that hosts, is not.
    let doc = resolve("Thailand and Cambodia agreed to a ceasefire, Malaysia's prime minister said after hosting talks between the two leaders.", "2025-07-28");
    assert_eq!(codes(&doc, "the two leaders"), vec!["KHMGOV", "THAGOV"], "{:#?}", doc.actors);
    // A relative clause's subject is the noun it describes: the caller is not one of those called.
    let doc = resolve(
        "Thailand accused Cambodia of laying mines. Cambodia denied it. Thailand closed the border. \
         The talks were praised by President Donald Trump, who had called both leaders.",
        "2025-07-28",
    );
    assert_eq!(codes(&doc, "both leaders"), vec!["KHMGOV", "THAGOV"], "{:#?}", doc.actors);
}

#[test]
fn the_paramilitaries_are_the_armed_group_named_before() {
    let doc = resolve(
        "The Rapid Support Forces seized El Fasher on Sunday. Aid groups said they had received reports of killings as the paramilitaries moved through the city.",
        "2025-10-29",
    );
    assert_eq!(codes(&doc, "the paramilitaries"), vec!["SDNREB"], "{:#?}", doc.actors);
}

#[test]
fn whoever_uses_force_is_no_civilian() {
    let doc = resolve(
        "The rebels seized the town in March. Thousands of civilians fled. \"We will take back every inch of land they occupied,\" the general said.",
        "2025-10-29",
    );
    assert_eq!(codes(&doc, "they"), vec!["REB"], "{:#?}", doc.actors);
    // Civilians may still do what civilians do.
    let doc = resolve("Thousands of civilians fled the town. They walked for days.", "2025-10-29");
    assert_eq!(codes(&doc, "They"), vec!["CVL"], "{:#?}", doc.actors);
}

#[test]
fn both_armies_are_the_armies_of_the_storys_two_states() {
    let doc = resolve("Thailand accused Cambodia of laying mines, a charge Cambodia denied. Both armies then exchanged fire.", "2025-07-28");
    assert_eq!(codes(&doc, "Both armies"), vec!["KHMMIL", "THAMIL"], "{:#?}", doc.actors);
}

#[test]
fn airlines_traders_and_manufacturers_are_business() {
    let doc = resolve("Pakistan closed its airspace to Indian airlines, and a German manufacturer halted exports.", "2024-03-01");
    assert_eq!(code_of(&doc, "Indian airlines").as_deref(), Some("INDBUS"));
    assert_eq!(code_of(&doc, "a German manufacturer").as_deref(), Some("DEUBUS"));
}

#[test]
fn a_sector_after_a_pronoun_of_another_country_is_not_the_datelines() {
    let doc = resolve(
        "NAIROBI, March 3 (Detente) - Kenya closed the border on Monday.\n\n\
         Somalia's president said the move was hostile. He chaired a meeting of the security council, which ordered the armed forces to stay alert.",
        "2024-03-03",
    );
    assert_eq!(code_of(&doc, "He").as_deref(), Some("SOMGOV"));
    assert_eq!(code_of(&doc, "the armed forces").as_deref(), Some("SOMMIL"), "{:#?}", doc.actors);
}

#[test]
fn officials_of_two_countries_are_each_ones() {
    let doc = resolve("The foreign ministers of the Democratic Republic of Congo and Rwanda signed a peace agreement on Friday.", "2025-06-27");
    assert_eq!(codes(&doc, "The foreign ministers"), vec!["CODGOV", "RWAGOV"], "{:#?}", doc.actors);
}

#[test]
fn a_spokesman_for_a_body_named_before_speaks_for_it() {
    let doc = resolve("The M23 rebels seized Goma in January. A spokesman for the group said talks would continue.", "2025-06-27");
    assert_eq!(code_of(&doc, "A spokesman").as_deref(), Some("CODREB"), "{:#?}", doc.actors);
}

#[test]
fn a_story_about_two_other_countries_is_not_the_datelines() {
    let doc = resolve(
        "WASHINGTON, June 27 (Detente) - Congo and Rwanda signed a peace agreement on Friday.\n\n\
         Rwanda is to withdraw its troops from Congo, and Congo is to stop supporting the FDLR. Rwanda denies backing the M23.\n\n\
         Aid groups said seven million people had been displaced.",
        "2025-06-28",
    );
    assert_eq!(code_of(&doc, "Aid groups").as_deref(), Some("NGO"), "{:#?}", doc.actors);
    // A story about the dateline's own country keeps it.
    let doc = resolve(
        "NAIROBI, March 3 (Detente) - Kenya closed its border with Somalia on Monday. Kenya said the move was temporary.\n\n\
         Aid groups said thousands of people were stranded.",
        "2024-03-03",
    );
    assert_eq!(code_of(&doc, "Aid groups").as_deref(), Some("NGOKEN"), "{:#?}", doc.actors);
}

#[test]
fn an_ombudsman_is_a_state_office() {
    let doc = resolve("TBILISI, Dec 6 (Detente) - Police detained 48 protesters. The ombudsman said she had documented injuries.", "2024-12-06");
    assert_eq!(code_of(&doc, "The ombudsman").as_deref(), Some("GEOGOV"), "{:#?}", doc.actors);
}

#[test]
fn the_two_countries_mediated_between_are_the_storys_antagonists_not_the_last_pair() {
    let text = "Armenia shelled Azerbaijani posts on Friday. Azerbaijan struck back at Armenian positions, and Armenia said it would respond. \
                France and Italy condemned the fighting. Russia offered to mediate between the two countries.";
    let doc = resolve(text, "2025-03-10");
    assert_eq!(codes(&doc, "the two countries"), ["ARM", "AZE"]);
    // Outside a "between" phrase, the last pair coordinated still counts.
    let doc = resolve("Armenia shelled Azerbaijani posts. France and Italy condemned the fighting. The two countries called for talks.", "2025-03-10");
    assert_eq!(codes(&doc, "The two countries"), ["FRA", "ITA"]);
}

#[test]
fn air_defences_are_forces() {
    let doc = resolve("Armenian air defences shot down two drones.", "2025-03-10");
    assert_eq!(code_of(&doc, "Armenian air defences").as_deref(), Some("ARMMIL"));
    // With no one named to operate them, they are a thing.
    let doc = resolve("NATO would strengthen air defences along its eastern flank.", "2025-03-10");
    assert!(mentions(&doc, "air defences").is_empty(), "{:#?}", doc.actors);
}
