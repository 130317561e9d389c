//! Argument constructions the coder must read, on sentences written for these tests.

mod common;

use common::{describe, events, expect};
use detente_core::Event;

#[test]
fn a_conference_hosted_for_a_country_targets_it() {
    expect("Qatar will host a reconstruction conference for Lebanon in May.", "QAT", "LBN", "043");
}

#[test]
fn two_sides_that_swap_prisoners_release_to_each_other() {
    expect("Armenia and Azerbaijan swapped prisoners on Thursday.", "ARM", "AZE", "0841");
    expect("Armenia and Azerbaijan swapped prisoners on Thursday.", "AZE", "ARM", "0841");
}

#[test]
fn two_sides_that_agree_to_an_immediate_truce_bind_each_other() {
    expect("Thailand and Cambodia agreed on Monday to an immediate and unconditional ceasefire.", "THA", "KHM", "0871");
    expect("Thailand and Cambodia agreed on Monday to an immediate and unconditional ceasefire.", "KHM", "THA", "0871");
}

#[test]
fn two_that_back_a_plan_do_not_back_each_other() {
    let found = events("France and Italy backed the plan, while Germany voted against it.", Some("2024-03-01"));
    let each_other = |e: &Event| e.cameo.code.starts_with("05") && !e.target.is_empty();
    assert!(!found.iter().any(each_other), "{}", describe(&found));
    // Agreeing still goes both ways.
    expect("France and Italy agreed to cooperate on migration.", "FRA", "ITA", "03");
}

#[test]
fn sides_that_trade_accusations_accuse_each_other() {
    expect("Serbia and Kosovo traded accusations after the border incident.", "SRB", "KSV", "112");
    expect("Serbia and Kosovo traded accusations after the border incident.", "KSV", "SRB", "112");
    let found = events("Serbia and Kosovo traded accusations after the border incident.", Some("2024-03-01"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("06")), "{}", describe(&found));
}

#[test]
fn a_ceasefire_violation_is_no_ceasefire() {
    let found = events("Monitors reported dozens of ceasefire violations along the front line.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.code != "0871"), "{}", describe(&found));
}

#[test]
fn not_allowing_a_country_to_join_rejects_it() {
    expect("Austria will not allow Romania to join the Schengen area.", "AUT", "ROU", "120");
    expect("Cyprus refused to let Turkey enter the customs union.", "CYP", "TUR", "120");
}

#[test]
fn a_ceasefire_violation_reported_by_a_party_targets_it() {
    expect("Armenia said Azerbaijani forces violated the ceasefire on Sunday.", "AZEMIL", "ARM", "196");
}

#[test]
fn an_accusation_of_an_attack_is_an_accusation_of_aggression() {
    expect_exact("Baku accused Yerevan of shelling villages near the border.", "AZEGOV", "ARMGOV", "1123");
    // The means of the alleged act are alleged too.
    let found = events("Hamas accused Israel of violating the ceasefire by killing three Palestinians.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.root != "18"), "{}", describe(&found));
}

#[test]
fn a_fact_finding_mission_sent_is_an_investigation() {
    expect("Norway sent a fact-finding mission to Haiti.", "NOR", "HTI", "090");
    expect("The African Union will send an investigative team to Chad.", "IGOAFRAFU", "TCD", "090");
}

#[test]
fn a_time_phrase_is_never_the_target() {
    // "on Tuesday" has the marker the pattern asks for ("imposed sanctions on"), not a target.
    expect("Washington imposed fresh sanctions on Venezuela on Tuesday.", "USAGOV", "VEN", "163");
}

#[test]
fn force_in_a_known_place_targets_its_country_when_the_parse_makes_the_place_the_target() {
    expect("On Monday night, Israeli jets carried out air strikes in the southern Gaza Strip.", "ISR", "PSE", "19");
}

#[test]
fn a_clash_between_two_forces_is_mutual_fighting() {
    expect("Indian troops clashed with Chinese soldiers near the border.", "INDMIL", "CHNMIL", "190");
    expect("Armenian and Azerbaijani forces exchanged fire overnight.", "ARMMIL", "AZEMIL", "19");
    expect("Armenian and Azerbaijani forces exchanged fire overnight.", "AZEMIL", "ARMMIL", "19");
}

#[test]
fn bare_sectors_acting_in_a_known_place_are_of_its_country() {
    expect("Protesters clashed with police in Lagos.", "NGAOPP", "NGACOP", "145");
}

#[test]
fn a_warning_is_aimed_at_whom_the_warned_of_clause_names() {
    expect("Washington warned that Tehran would pay a heavy price.", "USAGOV", "IRNGOV", "13");
    // The clause's subject is the source itself: the target is the provoker.
    expect("Beijing warned that it would respond firmly to any provocation by Taipei.", "CHNGOV", "TWNGOV", "13");
}

#[test]
fn an_ambassador_recalled_from_a_posting_names_the_host_country() {
    expect("Italy recalled its ambassador to Egypt after the murder of a student.", "ITA", "EGY", "161");
}

#[test]
fn refusing_to_rule_out_is_not_ruling_out() {
    expect("Seoul refused to rule out talks with Pyongyang.", "KOR", "PRK", "036");
    expect("Ankara has not ruled out military action against Syria.", "TURGOV", "SYR", "138");
    let found = events("Seoul refused to rule out talks with Pyongyang.", Some("2024-03-01"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("12")), "{}", describe(&found));
}

#[test]
fn suspending_a_member_reduces_relations() {
    expect("The African Union suspended Guinea after the coup.", "IGOAFRAFU", "GIN", "160");
}

#[test]
fn condemning_an_act_told_earlier_targets_who_committed_it() {
    let text = "Malian soldiers detained twelve Senegalese traders on Friday. Senegal's foreign ministry condemned the detention.";
    expect(text, "SENGOV", "MLIMIL", "111");
    // Only a recent hostile act: no act, no target.
    let found = events("Senegal's foreign ministry condemned the detention.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.target.is_empty()), "{}", describe(&found));
}

#[test]
fn a_flag_or_owner_country_names_a_ship_s_country() {
    expect("The Venezuelan navy seized a Guyanese-flagged trawler.", "VENMIL", "GUY", "171");
}

#[test]
fn the_agent_of_a_passive_harm_may_be_the_agent_of_the_attack_it_happened_in() {
    expect("Four Turkish soldiers were killed in an air strike by Syrian government forces.", "SYRMIL", "TURMIL", "19");
}

#[test]
fn a_war_noun_is_not_aimed_at_the_dateline() {
    let found = events("ADDIS ABABA (Detente) - Sudan's army chief praised the deal. The country has been at war since April.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.root != "19"), "{}", describe(&found));
}

#[test]
fn force_in_a_third_country_is_not_aimed_at_the_dateline() {
    let text = "NAIROBI (Detente Wire) - Kenya sent police to Haiti after gangs stormed the capital's main prison.";
    let found = events(text, Some("2024-03-04"));
    assert!(!found.iter().any(|e| e.target.iter().any(|a| a.code.as_deref() == Some("KEN"))), "{}", describe(&found));
    // With no third country named, the dateline's is where it happened.
    expect("KYIV (Detente Wire) - Russian forces shelled the city overnight.", "RUSMIL", "UKR", "19");
}

#[test]
fn rebels_fight_their_own_countrys_forces_wherever_the_story_is_filed() {
    let text = "HAVANA (Detente Wire) - Colombia and the rebels signed a truce. ELN rebels killed nine soldiers.";
    let found = events(text, Some("2024-03-01"));
    let killing = found.iter().find(|e| e.cameo.root == "19" || e.cameo.root == "18").unwrap_or_else(|| panic!("{}", describe(&found)));
    assert_eq!(killing.target.iter().map(|a| a.code.as_deref()).collect::<Vec<_>>(), [Some("COLMIL")], "{}", describe(&found));
}

#[test]
fn a_country_and_its_own_institution_on_one_side_are_one_actor() {
    let text = "Russian Foreign Ministry spokeswoman Maria Zakharova dismissed the proposal.";
    let found = events(text, Some("2025-05-10"));
    let sources: Vec<String> = found.iter().flat_map(|e| e.source.iter().filter_map(|a| a.code.clone())).collect();
    assert!(!sources.is_empty() && sources.iter().all(|c| c == "RUSGOV"), "{}", describe(&found));
    // Conjoined, a state and its rebels are two actors.
    expect_exact("Colombia and the ELN rebels signed a ceasefire agreement in Havana.", "COL", "COLREB", "057");
}

#[test]
fn a_gerund_the_lemmatiser_clips_still_names_its_verb() {
    // The lemmatiser gives "shel" for "shelling" (its "travelling" rule); forms.tsv maps it back.
    expect_exact("Russian forces were shelling Kharkiv on Tuesday.", "RUSMIL", "UKR", "194");
}

#[test]
fn conjoined_verbs_share_their_object() {
    expect("The Moldovan government rejected and condemned the Romanian cabinet's decision.", "MDA", "ROU", "12");
}

#[test]
fn an_offer_from_someone_names_the_target() {
    expect("Serbia rejected an offer from the Croatian government to reopen the talks.", "SRB", "HRV", "12");
}

#[test]
fn conjoined_adjectives_are_all_targets() {
    expect("Chile rejected the Peruvian and Bolivian demands.", "CHL", "PER", "12");
    expect("Chile rejected the Peruvian and Bolivian demands.", "CHL", "BOL", "12");
}

#[test]
fn the_complement_clause_names_whom_an_agreement_is_for() {
    let text = "Norway has agreed to lend 200 million dollars to Ghana.";
    let found = events(text, Some("2024-03-01"));
    let agreed = found.iter().find(|e| e.evidence.trigger.text == "agreed");
    let agreed = agreed.unwrap_or_else(|| panic!("no event on \"agreed\":\n{}", describe(&found)));
    assert_eq!(agreed.target.first().and_then(|a| a.code.as_deref()), Some("GHA"), "{}", describe(&found));
}

#[test]
fn force_against_a_region_of_a_country_targets_the_country() {
    expect("The Indian army destroyed several militant camps in Pakistan's border region.", "IND", "PAK", "1");
}

#[test]
fn undated_text_takes_the_longest_held_role() {
    let text = "The Taliban attacked a Pakistani army post.";
    let source = |date| {
        let found = events(text, date);
        let e = found.iter().find(|e| e.cameo.root == "18" || e.cameo.root == "19");
        e.unwrap_or_else(|| panic!("no attack in {}", describe(&found))).source[0].code.clone()
    };
    // Twenty years as insurgents outweigh the years in power; a date decides.
    assert_eq!(source(None).as_deref(), Some("AFGREB"));
    assert_eq!(source(Some("2023-05-01")).as_deref(), Some("AFGGOV"));
}

#[test]
fn would_under_a_past_speech_verb_is_an_intent() {
    let text = "Kenya said it would send food aid to Somalia.";
    let found = events(text, Some("2024-03-01"));
    let e = found.iter().find(|e| e.evidence.trigger.text == "send");
    let e = e.unwrap_or_else(|| panic!("no event on \"send\":\n{}", describe(&found)));
    assert_eq!(e.modality, detente_core::Modality::Future, "{}", describe(&found));
    assert!(e.cameo.code.starts_with("03"), "a promised act is an intent: {}", describe(&found));
    // Without the report it is a condition, and conditions are not coded.
    assert!(events("Kenya would send food aid to Somalia.", Some("2024-03-01")).iter().all(|e| e.evidence.trigger.text != "send"));
}

#[test]
fn willing_to_is_an_intent() {
    expect("Japan is willing to provide Vietnam with emergency loans.", "JPN", "VNM", "03");
}

#[test]
fn statements_intents_threats_aid_and_coercion_need_no_target_but_demands_and_assault_do() {
    let found = events("Al-Shabaab claimed responsibility for the bombing.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.code == "015" && e.target.is_empty()), "{}", describe(&found));
    let found = events("The Dutch government agreed to take in 300 more refugees.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.root == "03" && e.target.is_empty() && e.source.iter().any(|a| a.code.as_deref() == Some("NLDGOV"))), "{}", describe(&found));
    let alone = |text: &str, root: &str| {
        let found = events(text, Some("2024-03-01"));
        assert!(found.iter().any(|e| e.cameo.root == root && e.target.is_empty()), "{text:?} is {root} with no target: {}", describe(&found));
    };
    alone("Kenya threatened tough retaliation.", "13");
    alone("Kenya sent food and medicine.", "07");
    alone("Kenyan police detained dozens overnight.", "17");
    alone("Kenya hosted a summit on climate finance.", "04");
    for text in ["Kenya demanded compensation.", "Kenyan troops attacked a convoy.", "Kenya will meet the deficit target."] {
        let found = events(text, Some("2024-03-01"));
        assert!(found.is_empty(), "{text:?} is aimed at nobody in particular: {}", describe(&found));
    }
}

#[test]
fn a_quantified_object_is_what_it_quantifies() {
    expect("Russia gave Armenia some of its weapons.", "RUS", "ARM", "072");
    expect("Germany delivered part of the air defence systems to Ukraine.", "DEU", "UKR", "072");
}

#[test]
fn a_state_of_siege_is_martial_law_not_a_blockade() {
    let found = events("Bolivian authorities declared a state of siege in Pando.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.code == "1724"), "{}", describe(&found));
    assert!(found.iter().all(|e| e.cameo.code != "191"), "{}", describe(&found));
}

#[test]
fn a_predicate_adjective_is_a_trigger() {
    expect("Germany is optimistic about a trade deal with China.", "DEU", "CHN", "013");
    expect("The Indian government is concerned about Chinese troop movements.", "INDGOV", "CHN", "012");
    let found = events("Japan is not optimistic about the talks with China.", Some("2024-03-01"));
    assert!(found.is_empty(), "negated: {}", describe(&found));
}

#[test]
fn denied_possible_and_alleged_acts_are_not_coded() {
    let none_of = |text: &str, roots: &[&str]| {
        let found = events(text, Some("2024-03-01"));
        assert!(found.iter().all(|e| !roots.contains(&e.cameo.root.as_str())), "{text:?}: {}", describe(&found));
    };
    // A gerund complement the parser made an adverbial clause is still what is denied.
    none_of("Rwanda denies backing the M23 rebels.", &["05"]);
    expect("Rwanda denies backing the M23 rebels.", "RWA", "CODREB", "016");
    // An ability, a right, a capacity is not the act.
    none_of("The strikes weakened the Houthis' ability to attack shipping.", &["18", "19"]);
    none_of("Kyiv's right to defend itself against Russia is not negotiable.", &["05"]);
    // Nor is what a rule allows or permits.
    none_of("Lithuania invoked Article 4 of NATO's founding treaty, which allows any ally to request talks when it believes its security is threatened.", &["02"]);
    // What someone is accused of is the accusation's (1123), not an attack of its own.
    let found = events("Baku accused Yerevan of shelling villages near the border.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.code == "1123") && found.iter().all(|e| e.cameo.root != "19"), "{}", describe(&found));
}

#[test]
fn a_verbs_modifier_term_may_sit_on_its_object() {
    expect("India and France held joint exercises in Rajasthan.", "IND", "FRA", "062");
    expect("The US president held a phone call with the Chinese president on Tuesday.", "USAGOV", "CHNGOV", "041");
}

#[test]
fn exercises_two_states_hold_together_are_joint_and_war_games_are_exercises() {
    expect("Russia and China held naval drills in the Sea of Japan.", "RUS", "CHN", "062");
    expect("Russia and China held naval drills in the Sea of Japan.", "CHN", "RUS", "062");
    let found = events("China staged war games near Taiwan.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.code == "150"), "{}", describe(&found));
}

#[test]
fn refusing_to_release_people_held_is_a_refusal_to_yield() {
    expect("The Houthis said they will not release the two Saudi pilots.", "YEMREB", "SAU", "1243");
}

#[test]
fn strengthening_forces_somewhere_is_mobilising_them() {
    let found = events("Russia has strengthened its forces in Belarus.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.code == "154"), "{}", describe(&found));
}

#[test]
fn an_option_considered_is_aimed_at_whom_its_purpose_is() {
    expect_exact("The Dutch government is considering sending aid to help Lebanon.", "NLDGOV", "LBN", "014");
}

#[test]
fn a_dinner_hosted_for_a_leader_is_a_visit_hosted() {
    expect("The Indian prime minister will host a private dinner for Netanyahu next week.", "INDGOV", "ISRGOV", "043");
}

#[test]
fn a_place_named_with_an_adjective_first_is_still_a_place() {
    // The tagger reads "Saudi" as an adjective: the place is still "Saudi Arabia", whole, and
    // the military positions there are its military's.
    let found = events("The Yemeni army hit military positions in Saudi Arabia's Asir region.", Some("2024-03-01"));
    let hit = found.iter().find(|e| e.cameo.root == "19").unwrap_or_else(|| panic!("{}", describe(&found)));
    assert_eq!(hit.target.iter().map(|a| (a.text.as_str(), a.code.as_deref())).collect::<Vec<_>>(), [("military positions", Some("SAUMIL"))]);
}

#[test]
fn operations_carried_out_with_a_partner_are_cooperation() {
    expect("The U.S. Southern Command carried out joint flight operations with the Guyana Defence Force.", "USAMIL", "GUYMIL", "062");
}

#[test]
fn a_particle_parsed_as_a_preposition_is_still_a_phrasal_verb() {
    // The parser reads "called [off the two-day old strike]".
    let found = events("Kenyan coal workers called off the two-day old strike after talks.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.code == "082"), "{}", describe(&found));
}

#[test]
fn a_participle_of_the_object_names_the_target() {
    expect("Peru lifted the travel ban imposed on Ecuadorian citizens.", "PER", "ECU", "08");
}

#[test]
fn force_against_a_known_place_targets_its_country() {
    expect("Turkish drones struck Kobani on Tuesday.", "TUR", "SYR", "19");
    // A state's force against a place of its own is aimed at the people there.
    expect("The Sudanese army shelled El Fasher, killing dozens.", "SDNMIL", "SDN", "19");
}

#[test]
fn a_meeting_in_a_third_country_is_located_there() {
    let found = events("Armenian and Azerbaijani diplomats met in Geneva on Monday.", Some("2024-03-01"));
    let e = found.iter().find(|e| e.cameo.root == "04").unwrap_or_else(|| panic!("no meeting: {}", describe(&found)));
    assert_eq!(e.location.as_ref().and_then(|l| l.country.as_deref()), Some("CHE"), "{}", describe(&found));
}

#[test]
fn a_state_against_a_place_of_its_own_is_a_domestic_event() {
    expect("Iraqi officials imposed a curfew on Basra.", "IRQGOV", "IRQ", "17");
    // Not for cooperation: troops arriving at home are no visit (a deployment, 154, may be).
    let found = events("Kenyan troops arrived in Mombasa.", Some("2024-03-01"));
    let home = |e: &Event| e.target.iter().any(|a| a.code.as_deref() == Some("KEN"));
    assert!(found.iter().filter(|e| home(e)).all(|e| e.quad_class >= 3), "{}", describe(&found));
}

#[test]
fn a_statement_is_about_whom_it_names() {
    expect("Cambodia denied charges by the Thai government.", "KHM", "THA", "01");
    expect("Canada expressed hope that the Haitian government will hold elections.", "CAN", "HTI", "01");
}

#[test]
fn force_against_a_thing_in_a_place_targets_the_place() {
    expect("Turkish jets struck a fuel depot in Armenia's southern provinces on Friday.", "TUR", "ARM", "19");
    // The place's country is the target's whole code, and a bare sector takes it on.
    let found = events("Turkish jets struck a fuel depot in Armenia's southern provinces on Friday.", Some("2024-03-01"));
    let targets: Vec<Option<&str>> = found.iter().flat_map(|e| e.target.iter().map(|a| a.code.as_deref())).collect();
    assert!(targets.contains(&Some("ARM")) && !targets.contains(&Some("ARMARM")), "{}", describe(&found));
    let found = events("Japan gave 20 million dollars to help farmers in Laos.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.target.iter().any(|a| a.code.as_deref() == Some("LAOAGR"))), "{}", describe(&found));
}

#[test]
fn whom_a_non_actor_target_is_for() {
    expect("Canada has lifted sanctions on machine exports to Peru and Chile.", "CAN", "PER", "08");
    expect("Canada has lifted sanctions on machine exports to Peru and Chile.", "CAN", "CHL", "08");
}

#[test]
fn a_nouns_recipient_may_hang_off_its_verb() {
    // The parser hangs "to Ukraine" off "continued".
    expect("Sweden continued military aid to Ukraine in order to ensure its security.", "SWE", "UKR", "072");
}

#[test]
fn whose_the_object_is_names_the_target() {
    expect("The Bolivian government accepted the demands made by Peruvian protesters.", "BOL", "PER", "08");
    expect("Ghana accepted an invitation to meet Togolese officials in Lome.", "GHA", "TGO", "03");
}

#[test]
fn journalists_can_be_what_is_done_to_them() {
    let found = events("Egyptian police arrested two reporters in Cairo.", Some("2024-03-01"));
    assert!(
        found.iter().any(|e| e.cameo.root == "17" && e.target.iter().any(|a| a.sector.as_deref() == Some("MED") || a.sector.as_deref() == Some("JRN"))),
        "{}",
        describe(&found)
    );
}

#[test]
fn curfews_and_alerts_need_no_target() {
    expect_by("Bolivian authorities declared a curfew in the eastern lowlands on Friday.", "BOLGOV", "1723");
    let found = events("Chilean troops remained on alert near the border.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.code == "152"), "{}", describe(&found));
}

#[test]
fn aid_for_people_in_a_place_goes_to_its_country() {
    expect("Norway has provided 40 million dollars for families affected by the floods in Malawi.", "NOR", "MWI", "07");
    expect("Japan gave 20 million dollars to help farmers in Laos.", "JPN", "LAO", "07");
}

#[test]
fn threatened_and_obliged_acts_are_not_asserted() {
    // The parser tends to hang "to attack" off "threatened" as an adverbial clause.
    let found = events("Eritrea threatened to attack Ethiopian army posts near the border.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.root != "18" && e.cameo.root != "19"), "{}", describe(&found));
    let found = events("Officials in Kampala said Kenya must withdraw its troops from the border.", Some("2024-03-01"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("08")), "{}", describe(&found));
    // What the speaker says another must do is the speaker's demand.
    expect("Officials in Kampala said Kenya must withdraw its troops from the border.", "UGA", "KEN", "10");
}

#[test]
fn a_led_coalition_is_its_leaders_but_a_backed_force_is_not_its_backers() {
    let found = events("The Kenyan-led coalition declared a ceasefire on Friday.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.source.iter().any(|a| a.code.as_deref() == Some("KEN"))), "{}", describe(&found));
    let found = events("The Kenyan-backed militia declared a ceasefire on Friday.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.source.iter().all(|a| a.code.as_deref() != Some("KEN"))), "{}", describe(&found));
}

/// Asserts an event with exactly `cameo` by an actor coded exactly `source`, whatever its target.
#[track_caller]
fn expect_by(text: &str, source: &str, cameo: &str) {
    let found = events(text, Some("2024-03-01"));
    let hit = found.iter().any(|e| e.cameo.code == cameo && e.source.iter().any(|a| a.code.as_deref() == Some(source)));
    assert!(hit, "no {source} -> ? [{cameo}] in {text:?}; events:\n{}", describe(&found));
}

/// Asserts an event with exactly these source and target codes and CAMEO code.
#[track_caller]
fn expect_exact(text: &str, source: &str, target: &str, cameo: &str) {
    let found = events(text, Some("2024-03-01"));
    let hit = found.iter().any(|e| {
        e.cameo.code == cameo
            && e.source.iter().any(|a| a.code.as_deref() == Some(source))
            && e.target.iter().any(|a| a.code.as_deref() == Some(target))
    });
    assert!(hit, "no {source} -> {target} [{cameo}] in {text:?}; events:\n{}", describe(&found));
}

/// The trigger of the event the coder is surest of.
fn surest_trigger(text: &str) -> String {
    let found = events(text, Some("2024-03-01"));
    let best = found.iter().max_by(|a, b| a.confidence.total_cmp(&b.confidence));
    best.unwrap_or_else(|| panic!("no event in {text:?}")).evidence.trigger.text.clone()
}

#[test]
fn setting_fire_to_a_building_is_a_riot_or_by_forces_destruction() {
    expect_exact("Demonstrators set fire to the Danish embassy in Tehran.", "IRNOPP", "DNKGOV", "145");
    expect_exact("Israeli soldiers set fire to Palestinian olive groves.", "ISRMIL", "PSE", "1712");
}

#[test]
fn what_is_blocked_foiled_or_halted_does_not_happen() {
    for text in ["Poland vetoed an EU trade package for Moldova.", "Nepal halted the trade agreement with India.", "Police in Lagos foiled a bomb attack on a church."] {
        let found = events(text, Some("2024-03-01"));
        assert!(found.iter().all(|e| !matches!(e.cameo.root.as_str(), "05" | "06" | "18")), "{text}: {}", describe(&found));
    }
    expect_exact("Poland vetoed an EU trade package for Moldova.", "POL", "IGOEUREEC", "129");
}

#[test]
fn whose_the_object_is_comes_before_whom_it_is_about() {
    expect_exact("Armenia rejected a plan by Azerbaijan to open a corridor through its territory.", "ARM", "AZE", "127");
}

#[test]
fn a_with_phrase_the_parser_hangs_off_the_verb_names_the_objects_partner() {
    expect_exact("The Ugandan government suspended the ceasefire with the rebels.", "UGAGOV", "UGAREB", "160");
}

#[test]
fn a_go_between_is_not_a_party_to_the_deal() {
    expect_exact("Ethiopia and Eritrea signed a peace deal brokered by the United Arab Emirates.", "ETH", "ERI", "057");
    let found = events("Ethiopia and Eritrea signed a peace deal brokered by the United Arab Emirates.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.target.iter().all(|a| a.code.as_deref() != Some("ARE"))), "{}", describe(&found));
}

#[test]
fn a_joint_commission_is_no_inquiry() {
    let found = events("Kenya and Somalia agreed to set up a joint border commission.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.root != "09"), "{}", describe(&found));
    expect_exact("Kenya and Somalia agreed to set up a joint border commission.", "KEN", "SOM", "030");
}

#[test]
fn force_inside_a_country_targets_it_whatever_day_it_was() {
    expect_exact("Iran carried out strikes inside Pakistan on Tuesday.", "IRN", "PAK", "190");
}

#[test]
fn hosting_weapons_is_military_cooperation_not_a_visit() {
    expect_exact("Hungary hosted American nuclear warheads at an air base.", "HUN", "USA", "062");
}

#[test]
fn envoys_of_two_sides_are_both_sides() {
    expect_exact("Representatives of Israel and Lebanon signed a maritime border deal.", "ISR", "LBN", "057");
    expect_exact("Diplomats from Serbia and Kosovo met in Brussels on Thursday.", "KSVGOV", "SRBGOV", "044");
    // Officials of two states named with them are one side each.
    expect_exact("The foreign ministers of Armenia and Azerbaijan met in Geneva on Thursday.", "ARMGOV", "AZEGOV", "044");
}

#[test]
fn an_appeal_is_coded_by_what_it_asks_for_whatever_its_verb() {
    expect_exact("The Arab League called on Israel to halt its offensive in Gaza.", "IGOMEAARL", "ISR", "0256");
    // The addressee may be parsed as an indirect object.
    expect_exact("Nigeria asked Niger to release the detained soldiers.", "NGA", "NER", "0253");
    // What is appealed for has not happened.
    let found = events("Japan appealed to China to lift its ban on Japanese seafood.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.root == "02"), "{}", describe(&found));
    expect_exact("Japan appealed to China to lift its ban on Japanese seafood.", "JPN", "CHN", "0251");
}

#[test]
fn a_place_retaken_from_someone_is_taken_from_them() {
    expect_exact("The Somali army recaptured the town from al-Shabaab militants.", "SOMMIL", "SOMREB", "192");
}

#[test]
fn a_state_protests_by_complaining_people_by_demonstrating() {
    expect_exact("Egypt protested against the Israeli operation in Rafah.", "EGY", "ISR", "114");
    expect_exact("Thousands of Egyptians protested against the Israeli operation in Rafah.", "EGY", "ISR", "140");
}

#[test]
fn the_means_a_killing_subject_names_is_its_code() {
    expect_exact("Russian shelling killed four civilians in Kherson.", "RUS", "UKRCVL", "194");
    expect_exact("Turkish air strikes killed 20 Kurdish militants in northern Iraq.", "TUR", "IRQUAF", "195");
}

#[test]
fn claiming_an_attack_is_claiming_responsibility() {
    expect_by("The Pakistani Taliban claimed the attack on a police station.", "PAKREB", "015");
}

#[test]
fn an_act_ordered_is_the_event() {
    expect_exact("The government of Mali ordered the expulsion of the French ambassador.", "MLIGOV", "FRAGOV", "166");
    expect_exact("Mali ordered the arrest of two French nationals.", "MLI", "FRA", "173");
    let found = events("Mali ordered the arrest of two French nationals.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.root != "10"), "{}", describe(&found));
}

#[test]
fn an_act_aimed_at_an_act_is_aimed_at_its_doer() {
    expect_exact("Canada condemned Russia's annexation of Crimea.", "CAN", "RUS", "111");
    expect_exact("Serbia's recognition of the breakaway region was criticised by Georgia.", "GEO", "SRB", "111");
    let found = events("Canada condemned Russia's annexation of Crimea.", Some("2024-03-01"));
    assert!(found.iter().filter(|e| e.cameo.code == "111").all(|e| e.target.iter().all(|a| a.code.as_deref() == Some("RUS"))), "{}", describe(&found));
}

#[test]
fn a_by_phrase_hung_off_the_victim_still_names_the_doer() {
    expect_exact("Iran condemned the killing of its nuclear scientist by Israeli agents.", "IRN", "ISR", "111");
}

#[test]
fn talks_held_in_a_third_country_are_located_there() {
    expect_exact("Talks between the Taliban and Pakistani officials were held in Doha.", "AFGGOV", "PAKGOV", "044");
}

#[test]
fn a_suspension_of_aid_is_no_aid() {
    let found = events("Canada announced a suspension of aid to the Haitian government.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.root != "07"), "{}", describe(&found));
}

#[test]
fn a_round_of_drills_is_no_round_of_talks() {
    expect_exact("Kenya and Tanzania began a new round of joint naval drills.", "KEN", "TZA", "062");
    let found = events("Kenya and Tanzania began a new round of joint naval drills.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.root != "04"), "{}", describe(&found));
}

#[test]
fn expelled_peacekeepers_name_their_organisation() {
    expect_exact("Mali expelled the UN peacekeepers.", "MLI", "IGOUNOMIL", "1661");
}

#[test]
fn a_country_adjective_before_a_title_is_the_titled_actor() {
    let found = events("Colombian President Gustavo Petro suspended the ceasefire with the ELN rebels.", Some("2024-03-01"));
    let e = found.iter().find(|e| e.cameo.root == "16").unwrap_or_else(|| panic!("no suspension: {}", describe(&found)));
    let sources: Vec<&str> = e.source.iter().filter_map(|a| a.code.as_deref()).collect();
    assert_eq!(sources, ["COLGOV"], "{}", describe(&found));
    expect_exact("Colombian President Gustavo Petro suspended the ceasefire with the ELN rebels.", "COLGOV", "COLREB", "160");
}

#[test]
fn talks_on_joining_a_body_are_aimed_at_it() {
    expect("Georgia's government suspended talks on joining the European Union.", "GEOGOV", "IGOEUREEC", "16");
}

#[test]
fn every_name_of_a_subject_list_is_a_source() {
    let found = events("Egypt, Qatar and the US brokered a ceasefire between Israel and Hamas.", Some("2024-03-01"));
    let e = found.iter().find(|e| e.cameo.root == "04").unwrap_or_else(|| panic!("{}", describe(&found)));
    let sources: Vec<&str> = e.source.iter().filter_map(|a| a.code.as_deref()).collect();
    assert_eq!(sources, ["EGY", "QAT", "USA"], "{}", describe(&found));
}

#[test]
fn joining_someone_for_talks_meets_them_and_a_region_word_names_its_nations() {
    expect("The Kenyan president joined Ugandan President Yoweri Museveni for talks in Arusha.", "KENGOV", "UGAGOV", "04");
    expect("The Southeast Asian nations pledged full support for Seoul's efforts.", "SEA", "KORGOV", "03");
}

#[test]
fn talks_between_two_sides_are_theirs() {
    expect_exact("Talks between Serbia and Kosovo resumed on Monday.", "SRB", "KSV", "046");
    expect_exact("Talks between Serbia and Kosovo resumed on Monday.", "KSV", "SRB", "046");
}

#[test]
fn a_by_phrase_the_parser_hangs_off_the_verb_names_whose_the_object_is() {
    expect_exact("Japan condemned the rocket launch by North Korea.", "JPN", "PRK", "111");
}

#[test]
fn an_appeal_or_intent_to_meet_is_coded_as_one_whatever_the_verb() {
    expect_exact("The UN envoy urged Sudan to return to the negotiating table.", "IGOUNO", "SDN", "026");
    expect_exact("Venezuela agreed to return to the negotiating table with the opposition.", "VEN", "VENOPP", "036");
}

#[test]
fn an_army_bombs_from_the_air() {
    expect_exact("Myanmar's military bombed a school in Sagaing.", "MMRMIL", "MMR", "195");
    expect_exact("Insurgents bombed a market in Mogadishu.", "SOMREB", "SOM", "183");
}

#[test]
fn according_to_names_who_reports_the_event() {
    let found = events("According to Ukrainian officials, Russian drones struck a power plant in Odesa.", Some("2024-03-01"));
    let e = found.iter().find(|e| e.cameo.root == "19").unwrap_or_else(|| panic!("no attack: {}", describe(&found)));
    assert_eq!(e.reported_by.as_ref().and_then(|r| r.code.as_deref()), Some("UKRGOV"), "{}", describe(&found));
    let found = events("Rebels shelled the town of Kidal, according to a local monitoring group.", Some("2024-03-01"));
    let e = found.first().unwrap_or_else(|| panic!("no event"));
    assert_eq!(e.reported_by.as_ref().map(|r| r.text.as_str()), Some("a local monitoring group"), "{}", describe(&found));
}

#[test]
fn whom_the_complements_object_is_aimed_at() {
    expect_exact("Austria refused to lift the sanctions on Iran.", "AUT", "IRN", "1241");
    // Calling for sanctions against someone is pressure on them, not an appeal to them.
    expect_exact("The Polish foreign minister called for sanctions against Belarus.", "POLGOV", "BLR", "1312");
}

#[test]
fn an_operation_or_truce_is_aimed_at_its_place() {
    expect_exact("Ghana is deploying 200 soldiers to the UN peacekeeping mission in Lebanon.", "GHA", "LBN", "074");
    expect_exact("The Kenyan army agreed to a truce in Somalia.", "KENMIL", "SOM", "0356");
}

#[test]
fn a_place_in_the_target_slot_is_its_country() {
    expect_exact("Irish troops arrived in Lebanon on Monday.", "IRLMIL", "LBN", "154");
    expect_exact("Serbia is sending a platoon to Cyprus.", "SRB", "CYP", "154");
}

#[test]
fn forces_moved_are_no_target_where_they_go_is() {
    expect_exact("Nepal has offered to send troops to Lebanon to support the mission.", "NPL", "LBN", "033");
    // Nor, where they go is not named, is anyone.
    let found = events("Nepal withdrew peacekeepers from the buffer zone.", Some("2024-03-01"));
    assert!(!found.is_empty() && found.iter().all(|e| e.target.is_empty()), "{}", describe(&found));
}

#[test]
fn curfews_in_part_of_a_city_and_their_lifting_target_the_place() {
    expect_exact("Nigerian police imposed a curfew in parts of the northern city of Kano.", "NGACOP", "NGA", "1723");
    expect_exact("The Thai government lifted the state of emergency in Bangkok.", "THAGOV", "THA", "0814");
}

#[test]
fn a_participle_adjunct_is_a_consequence_of_its_clause() {
    assert_eq!(surest_trigger("Syrian jets bombed the town of Idlib on Monday, killing 12 Turkish soldiers."), "bombed");
    // The event of the clause is aimed at whom its consequence hits.
    expect_exact("Israeli jets carried out several air strikes overnight, killing three Hamas commanders.", "ISR", "PSEREBHMS", "190");
}

#[test]
fn an_attack_claimed_by_its_authors_is_a_claim_of_responsibility() {
    expect_exact("Hamas claimed that it had fired rockets at Israeli towns.", "PSEREBHMS", "ISR", "015");
}

#[test]
fn troops_on_a_peacekeeping_mission_keep_the_peace() {
    expect_exact("Norway sent 300 troops to Mali on a peacekeeping mission.", "NOR", "MLI", "074");
}

#[test]
fn fighting_a_disease_is_no_fight() {
    let found = events("Sweden sent medical supplies to Kenya to fight the cholera outbreak.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.root != "19"), "{}", describe(&found));
}

#[test]
fn an_agreement_outranks_what_is_agreed() {
    // What is agreed is at most as sure as the agreement, and coded as an intent (031) itself.
    let found = events("Ghana and Togo have agreed to undertake joint military exercises next month.", Some("2024-03-01"));
    let best = found.iter().map(|e| e.confidence).fold(0.0, f32::max);
    assert!(found.iter().any(|e| e.evidence.trigger.text == "agreed" && e.confidence == best), "{}", describe(&found));
    assert!(found.iter().all(|e| e.cameo.root == "03"), "{}", describe(&found));
    // The agreement is aimed at whom the act agreed on is.
    expect_exact("Moldova has agreed to lift its ban on Georgian wine.", "MDA", "GEO", "0351");
}

#[test]
fn what_a_speaker_says_another_must_do_is_a_demand() {
    expect_exact("The Danish government said that Kenya must ensure the safety of aid workers.", "DNKGOV", "KEN", "100");
}

#[test]
fn a_noun_modifying_another_takes_its_phrases() {
    expect_exact("Nigeria launched a mediation effort between Ghana and Togo.", "NGA", "GHA", "045");
}

#[test]
fn people_sent_to_investigate_investigate() {
    expect_exact("Ghana sent a team of experts to Togo to investigate the explosion.", "GHA", "TGO", "093");
}

#[test]
fn whose_the_thing_of_a_thing_is_names_the_target() {
    expect_exact("Serbia lifted its ban on imports of Bosnian wheat.", "SRB", "BIH", "081");
}

#[test]
fn people_held_as_human_shields() {
    expect_exact("Boko Haram fighters held 300 Nigerian villagers as human shields.", "NGAREB", "NGACVL", "184");
}

#[test]
fn whom_the_object_comes_from_names_the_target() {
    // The parser hangs "from the rebel group" off "rejected".
    expect_exact("The Congolese government rejected demands from the rebel group.", "CODGOV", "CODREB", "120");
}

#[test]
fn whoever_is_responsible_for_an_act_did_it() {
    expect_exact("Congolese rebels are responsible for the massacre of villagers in Ituri.", "CODREB", "CODCVL", "202");
    // A conjoined act has the first one's doer.
    expect_exact("The Ghanaian army is responsible for killings and abductions of Togolese civilians.", "GHAMIL", "TGOCVL", "181");
    // Who would be responsible for a clash has done nothing yet.
    let found = events("Pyongyang said Washington and Seoul would be responsible for any clash on the peninsula.", Some("2024-03-01"));
    assert!(!found.iter().any(|e| e.cameo.root == "19"), "no clash happened: {}", describe(&found));
}

#[test]
fn actors_with_no_country_still_act() {
    expect_by("Teachers went on strike for better pay.", "EDU", "143");
    expect_by("The governor declined to comment on the bill.", "GOV", "011");
}

#[test]
fn a_noun_its_verb_carries_out_is_coded_like_a_verb() {
    // No target named: "the war" in passing says too little, a mediation launched does not.
    expect_by("Kuwait launched a mediation effort on Monday.", "KWT", "045");
    let found = events("Kuwait said the mediation effort had stalled.", Some("2024-03-01"));
    assert!(!found.iter().any(|e| e.cameo.code == "045"), "{}", describe(&found));
}

#[test]
fn pushing_for_is_an_appeal_pushing_hard_a_demand() {
    expect_by("Japan has pushed for reforms of the Security Council.", "JPN", "024");
    expect_exact("Ghana pushed Togo hard for the extradition of the suspects.", "GHA", "TGO", "100");
}

#[test]
fn let_free_releases_whatever_the_parse() {
    expect_exact("Ethiopia let free some 40 Eritrean prisoners.", "ETH", "ERICVL", "0841");
}

#[test]
fn a_target_deeper_in_the_objects_phrase() {
    // The "of" phrase names no actor: look further, to the purpose of one of the object's nouns.
    expect_exact("Japan donated a shipment of ventilators and other medical equipment to assist Laos.", "JPN", "LAO", "070");
}

#[test]
fn a_named_place_modifying_a_place_noun_is_its_country() {
    expect_exact("Israel withdrew its troops from the West Bank cities.", "ISR", "PSE", "087");
}

#[test]
fn a_lone_indirect_object_is_the_object() {
    // The parser reads "Washington" as an indirect object with no direct one.
    expect_exact("China urged Washington to stop arming Taiwan.", "CHN", "USAGOV", "0256");
}

#[test]
fn whom_a_thing_is_for_deeper_in_the_object() {
    expect_exact("Germany promised more air defence systems for Ukraine.", "DEU", "UKR", "0332");
}

#[test]
fn a_participle_adjunct_happens_where_its_verb_does() {
    expect_exact("Thousands of protesters marched in Belgrade on Saturday demanding the resignation of the government.", "SRBOPP", "SRBGOV", "1041");
}

#[test]
fn weapons_hit_for_their_operators() {
    // "hit" alone is too common to code ("the storm hit"); hit by a weapon it is force.
    expect_exact("Russian missiles hit Kharkiv overnight.", "RUSMIL", "UKR", "190");
    expect_exact("A Bolivian army helicopter attacked a rebel camp in Peru.", "BOLMIL", "PERREB", "180");
    // Ramming a ship is force at sea; ramming a bill through parliament is not.
    expect_exact("A Chinese coast guard vessel rammed a Philippine supply boat on Monday.", "CHNMIL", "PHL", "190");
    assert!(events("The government rammed the bill through parliament.", Some("2024-03-01")).is_empty());
    assert!(events("The storm hit Florida.", Some("2024-03-01")).is_empty());
}

#[test]
fn forcing_out_is_expelling_and_calling_a_counterpart_a_phone_call() {
    expect_exact("Niger forced the French ambassador out of the country.", "NER", "FRAGOV", "174");
    expect_exact("The Kenyan president called his Ugandan counterpart on Monday.", "KENGOV", "UGAGOV", "041");
}

#[test]
fn what_is_doubted_is_not_asserted() {
    let found = events("Britain said it was skeptical about Iran providing weapons to the Houthis.", Some("2024-03-01"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("07")), "{}", describe(&found));
}

#[test]
fn ordering_troops_to_a_place_mobilises_them() {
    expect_exact("Eritrea's President Isaias Afwerki ordered troops to the border with Ethiopia.", "ERIGOV", "ETH", "154");
}

#[test]
fn a_weapons_test_is_a_show_of_force_not_an_attack() {
    // "test-fired" is "test" "-" "fired": the first half of the hyphenated word modifies it.
    let found = events("North Korea test-fired two cruise missiles into the Sea of Japan.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.code == "150"), "{}", describe(&found));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("19")), "{}", describe(&found));
}

#[test]
fn a_proper_adjective_opening_the_object_is_not_a_complement() {
    // The parser reads "Russian" as the complement of "called" and the name beside it as a bare
    // oblique; the parser's repair makes the whole phrase the object.
    expect_exact(
        "On Jan. 9, US Secretary of State Marco Rubio called Russian Foreign Minister Sergey Lavrov to discuss a number of Gaza-related issues.",
        "USAGOV",
        "RUSGOV",
        "041",
    );
}

#[test]
fn concern_expressed_to_someone_targets_them() {
    expect_exact("The Chinese foreign minister expressed concern to the Japanese ambassador about the visit.", "CHNGOV", "JPNGOV", "012");
}

#[test]
fn a_place_inside_the_subject_is_not_the_target() {
    // Where the police are says whose police they are, not whom they detained.
    let found = events("The police in the Gaza Strip detained several suspects on Monday.", Some("2024-03-01"));
    let detained = found.iter().find(|e| e.cameo.code.starts_with("173")).unwrap_or_else(|| panic!("no arrest in:\n{}", describe(&found)));
    assert!(detained.target.iter().all(|a| a.text != "Gaza Strip" && a.text != "the Gaza Strip"), "{}", describe(&found));
    // Where the act happens still names its target.
    expect_exact("The police detained several suspects in the Gaza Strip on Monday.", "PSECOP", "PSE", "173");
}

#[test]
fn what_an_offer_would_send_is_not_its_target() {
    expect_exact("Kenya has offered to send 1,000 police officers to Haiti.", "KEN", "HTI", "033");
    let found = events("Kenya has offered to send 1,000 police officers to Haiti.", Some("2024-03-01"));
    let offer = found.iter().find(|e| e.cameo.code == "033").expect("an offer");
    assert!(offer.target.iter().all(|a| a.code.as_deref() != Some("COP")), "{}", describe(&found));
}

#[test]
fn co_mediators_and_co_hosts_are_not_each_others_targets() {
    let found = events("The truce was brokered by Qatar and Egypt on Sunday.", Some("2024-03-01"));
    let mediation: Vec<_> = found.iter().filter(|e| e.cameo.code.starts_with("045")).collect();
    assert!(!mediation.is_empty(), "{}", describe(&found));
    assert!(mediation.iter().all(|e| e.target.is_empty()), "{}", describe(&found));
    // Meeting is mutual.
    expect_exact("Qatar and Egypt met in Cairo on Sunday.", "QAT", "EGY", "040");
}

#[test]
fn a_particle_before_a_number_is_still_the_particle() {
    // "over 30" reads as "more than 30" to the parser.
    expect("Germany handed over 30 ambulances to Ethiopia.", "DEU", "ETH", "070");
}

#[test]
fn a_decimal_point_typed_with_a_space_keeps_the_sentence_whole() {
    expect("Norway gave 4. 5 million euros to Ethiopia.", "NOR", "ETH", "071");
}

#[test]
fn a_document_speaks_for_its_author() {
    expect("Amnesty released a report accusing the Kenyan police of torture.", "NGOHRIAMN", "KENCOP", "112");
    expect("Amnesty's report accusing the Kenyan police of torture angered Nairobi.", "NGOHRIAMN", "KENCOP", "112");
}

#[test]
fn violating_a_ban_defies_whoever_imposed_it_and_a_truce_deal_is_a_truce() {
    expect("Pyongyang has violated a ban by the UN on missile tests.", "PRK", "IGOUNO", "128");
    let found = events("Armenia and Azerbaijan violated the ceasefire agreement again.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.code == "196") && found.iter().all(|e| e.cameo.code != "128"), "{}", describe(&found));
}

#[test]
fn a_recipient_named_before_the_gift_still_receives_it() {
    expect("Russia sent to Armenia some of the weapons.", "RUS", "ARM", "072");
}

#[test]
fn background_acts_are_less_sure_than_the_news() {
    // An act in a relative clause describes a participant; one named after "despite" is the
    // background of the sentence's news.
    let best = |text: &str| {
        let found = events(text, Some("2024-03-01"));
        let top = found.iter().max_by(|a, b| a.confidence.total_cmp(&b.confidence)).cloned();
        (top.map(|e| e.cameo.code), describe(&found))
    };
    let (code, all) = best("Israeli troops demolished the home of a Palestinian man suspected of carrying out a shooting attack that killed two Israeli soldiers.");
    assert_eq!(code.as_deref(), Some("1712"), "{all}");
    let (code, all) = best("Norway pledged support for the talks despite the Houthis' attack on Saudi Arabia.");
    assert_eq!(code.as_deref(), Some("032"), "{all}");
}

#[test]
fn a_report_dated_before_its_that_clause_is_still_a_report() {
    // "said Wednesday that …": the clause is what was said, not a description of Wednesday.
    expect("Trump said Wednesday that North Korea must do something meaningful on denuclearization.", "USA", "PRK", "10");
    expect("The ministry said on Friday that Russian troops had crossed into Georgia.", "RUSMIL", "GEO", "192");
}

#[test]
fn signing_an_agreement_on_trade_is_signing_an_agreement() {
    expect("Kenya signed an agreement with Britain on trade and investment.", "KEN", "GBR", "057");
    expect("Kenya signed a trade agreement with Britain.", "KEN", "GBR", "057");
}

#[test]
fn what_has_yet_to_happen_has_not_happened_and_is_no_refusal() {
    let found = events("Sweden's bid remains stalled because Türkiye and Hungary have yet to ratify it.", Some("2024-03-01"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("05") && !e.cameo.code.starts_with("12")), "{}", describe(&found));
}

#[test]
fn the_means_of_a_possible_act_is_only_possible() {
    let found = events("\"Russia can end this war tomorrow by withdrawing its troops,\" the spokesperson told reporters.", Some("2024-03-01"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("087") && !e.cameo.code.starts_with("035")), "{}", describe(&found));
}

#[test]
fn the_accused_is_the_object_even_when_read_as_a_compound() {
    expect("Kinshasa, the United States and U.N. experts accuse Rwanda of supporting M23 with troops.", "USA", "RWA", "112");
}

#[test]
fn a_name_before_a_preposition_is_not_a_compound_of_what_follows() {
    let text = "Mr. Zelensky wrote on Telegram that he had thanked Mr. Macron for France's \"concrete\" help.";
    let found = events(text, Some("2024-03-01"));
    let thanks = found.iter().find(|e| e.cameo.code == "051").unwrap_or_else(|| panic!("{}", describe(&found)));
    assert_eq!(thanks.target.iter().map(|a| a.text.as_str()).collect::<Vec<_>>(), ["Mr. Macron"]);
}

#[test]
fn a_habit_is_no_event() {
    let found = events(
        "Finland joined NATO on Tuesday. Its soldiers, its air force and its long experience of guarding a difficult frontier make every ally safer.",
        Some("2024-03-01"),
    );
    assert!(found.iter().all(|e| e.cameo.code != "074"), "{}", describe(&found));
}

#[test]
fn a_statement_about_a_clause_is_aimed_at_its_subject() {
    expect("France expressed concern that Russia could attack Moldova.", "FRA", "RUS", "012");
    // Not at the subject of a relative clause describing the object.
    let found = events("Pakistan imposed a curfew in the province, where Afghan troops are fighting militants.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.target.iter().all(|a| a.code.as_deref() != Some("AFGMIL"))), "{}", describe(&found));
}

#[test]
fn a_negation_typed_with_a_curly_apostrophe_negates() {
    let found = events("Iran doesn’t attack Israel, its foreign minister said.", Some("2024-03-01"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("18") && !e.cameo.code.starts_with("19")), "{}", describe(&found));
}

#[test]
fn what_is_avoided_or_refrained_from_does_not_happen() {
    for text in ["Rubio refrained from attacking his rivals in Iowa.", "Russian forces avoided attacking Kyiv on Monday."] {
        let found = events(text, Some("2024-03-01"));
        assert!(found.iter().all(|e| e.cameo.code != "180"), "{text}: {}", describe(&found));
    }
}

#[test]
fn idioms_of_return_and_release_move_nothing() {
    for text in ["Hours later, Trump returned the compliment to Adelson.", "The Bush campaign released a new online ad attacking Kasich."] {
        let found = events(text, Some("2016-03-01"));
        assert!(found.iter().all(|e| !e.cameo.code.starts_with("084")), "{text}: {}", describe(&found));
    }
    expect("Ukrainian troops returned fire at Russian positions.", "UKRMIL", "RUS", "190");
}

#[test]
fn congratulations_offered_are_praise_and_what_laws_empower_is_not_done() {
    expect("Putin offered his congratulations to Xi Jinping.", "RUS", "CHN", "051");
    let found = events("Lax laws empower dealers in Arizona to sell weapons to Mexican cartels.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.code != "072"), "{}", describe(&found));
}

#[test]
fn contracted_modals_typed_with_a_curly_apostrophe_count() {
    let found = events("Moscow said it’d attack Kyiv if provoked.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.modality != detente_core::Modality::Asserted || !e.cameo.code.starts_with("18")), "{}", describe(&found));
}

#[test]
fn going_to_is_the_future_and_no_journey() {
    let found = events("Russia is going to attack Kyiv, the minister warned.", Some("2024-03-01"));
    assert!(found.iter().all(|e| !(e.cameo.code == "180" && e.modality == detente_core::Modality::Asserted)), "{}", describe(&found));
    let found = events("But Clinton is still going to be crooked Hillary, he added.", Some("2016-03-01"));
    assert!(found.iter().all(|e| e.cameo.code != "042"), "{}", describe(&found));
}

#[test]
fn fights_against_warming_and_off_challengers_are_no_fighting() {
    for text in ["Germany and France promised to fight global warming.", "Mrs. Clinton fought off another challenge from Bernie Sanders."] {
        let found = events(text, Some("2016-03-01"));
        assert!(found.iter().all(|e| e.cameo.code != "190"), "{text}: {}", describe(&found));
    }
}

#[test]
fn an_air_defence_zone_defends_no_one_and_a_possible_acts_consequence_is_possible() {
    let found = events("Beijing could declare an air defense zone over the South China Sea, forcing airliners from Japan to make long detours.", Some("2016-03-01"));
    assert!(found.iter().all(|e| e.cameo.code != "052" && !(e.cameo.code.starts_with("17") && e.modality == detente_core::Modality::Asserted)), "{}", describe(&found));
}

#[test]
fn the_dateline_place_is_no_participant() {
    // Under a headline that ends with a full stop.
    let found = events(
        "Actor upsets fans by attending convention.\n\nPHILADELPHIA, July 29 (UPI) — Fans of the actor have taken to social media to complain about the film.",
        Some("2016-07-29"),
    );
    assert!(found.iter().all(|e| e.source.iter().all(|a| a.text != "PHILADELPHIA")), "{}", describe(&found));
}

#[test]
fn campaigns_are_no_battles() {
    for text in [
        "Clinton had captured 1,944 delegates heading into Tuesday's primaries.",
        "Having fought his own primary against Clinton, Obama could offer a potent testimony.",
        "As first lady, Hillary Clinton targeted healthcare reform.",
    ] {
        let found = events(text, Some("2016-07-29"));
        assert!(found.iter().all(|e| !e.cameo.code.starts_with("19")), "{text}: {}", describe(&found));
    }
}

#[test]
fn campaign_idioms_code_nothing() {
    for text in [
        "She needs to calibrate her attacks, striking a tone that is calmer.",
        "He has effectively locked up the Republican nomination.",
        "The State Department released more than 1,100 additional pages of emails.",
        "The email dump offered a window into their relationship.",
    ] {
        let found = events(text, Some("2016-03-01"));
        assert!(found.is_empty(), "{text}: {}", describe(&found));
    }
}

#[test]
fn slamming_into_a_crowd_is_no_criticism() {
    let found = events("After slamming into the crowd, the Tunisian driver emerged with a gun.", Some("2016-07-15"));
    assert!(found.iter().all(|e| e.cameo.code != "111"), "{}", describe(&found));
}

#[test]
fn who_meets_survivors_of_a_massacre_did_not_commit_it() {
    let found = events("President Macron met survivors of the nightclub massacre and relatives of the victims on Thursday.", Some("2024-03-01"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("20") && !e.cameo.code.starts_with("18")), "{}", describe(&found));
    let found = events("Kenya opened an investigation of the attack on Friday.", Some("2024-03-01"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("18")), "{}", describe(&found));
}

#[test]
fn a_verb_framing_a_quote_is_no_act_of_force() {
    let found = events("“France will always be France,” an angry Macron retaliated.", Some("2024-03-01"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("19")), "{}", describe(&found));
}

#[test]
fn a_failure_to_act_is_no_act() {
    let found = events("Critics were spurred by Trump's failure to denounce the militia.", Some("2019-03-01"));
    assert!(found.iter().all(|e| e.cameo.code != "111"), "{}", describe(&found));
}

#[test]
fn politicians_who_clash_or_battle_use_no_force() {
    for text in ["Hillary Clinton and Bernie Sanders clashed on the debate stage in Miami.", "Obama battled Clinton in the 2008 primaries."] {
        let found = events(text, Some("2016-03-01"));
        assert!(found.iter().all(|e| !e.cameo.code.starts_with("19")), "{text}: {}", describe(&found));
    }
    expect("Riot police clashed with protesters in Tbilisi.", "GEOCOP", "GEOOPP", "19");
    for text in ["We really need to get on to defeating Donald Trump, she said.", "Donald Trump attacked a federal judge whose parents were born in Mexico."] {
        let found = events(text, Some("2016-06-01"));
        assert!(found.iter().all(|e| !e.cameo.code.starts_with("18") && !e.cameo.code.starts_with("19")), "{text}: {}", describe(&found));
    }
    expect("Gunmen attacked the governor's convoy.", "UAF", "GOV", "18");
    // A candidate who captures states wins elections; a government or an army that captures a
    // town takes it.
    let found = events("His rival, Hillary Clinton, captured Virginia, Arkansas and Texas.", Some("2016-03-02"));
    assert!(found.iter().all(|e| e.cameo.code != "192"), "{}", describe(&found));
    expect("The government captured Aleppo from the rebels.", "GOV", "REB", "192");
}

#[test]
fn a_request_refused_is_not_done_and_targets_its_author() {
    let text = "Nepal's army chief has refused a request by the prime minister to step down.";
    expect(text, "NPLMIL", "NPLGOV", "12");
    let found = events(text, Some("2024-03-01"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("083")), "{}", describe(&found));
    // A police chief is the police.
    expect("The Kenyan police chief rejected a demand by opposition leaders to resign.", "KENCOP", "OPP", "12");
}

#[test]
fn attacking_a_policy_or_record_is_criticism_not_force() {
    expect("Kenya attacked Uganda's trade policy on Tuesday.", "KEN", "UGA", "111");
    expect("Kenya launched an attack on Uganda's record.", "KEN", "UGA", "111");
    let found = events("Kenya attacked Uganda's trade policy on Tuesday.", Some("2024-03-01"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("18") && !e.cameo.code.starts_with("19")), "{}", describe(&found));
    // Positions under fire are military.
    expect("Russia launched an attack on Ukrainian positions.", "RUS", "UKR", "19");
}

#[test]
fn a_release_of_money_is_aid_not_a_release_of_people() {
    let text = "Germany authorized the release of $50 million in aid to Jordan.";
    expect(text, "DEU", "JOR", "071");
    let found = events(text, Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.code != "0841"), "{}", describe(&found));
    // Student groups are students.
    expect("Student groups held a protest against the Kenyan government.", "EDU", "KENGOV", "14");
}

#[test]
fn crimes_committed_and_planes_flying_are_no_commitment_or_visit() {
    let none_of = |text: &str, roots: &[&str]| {
        let found = events(text, Some("2024-03-01"));
        assert!(found.iter().all(|e| !roots.contains(&e.cameo.root.as_str())), "{text:?}: {}", describe(&found));
    };
    none_of("Monitors will look into abuses committed by the army in the north.", &["03"]);
    expect("Japan committed to help Kenya rebuild its ports.", "JPN", "KEN", "03");
    none_of("A Kenyan cargo plane flying from Nairobi to Mogadishu landed in Baidoa.", &["04"]);
    expect("The Kenyan president landed in Paris on Monday.", "KENGOV", "FRA", "042");
    // Opponents of a government are its opposition.
    expect("Opponents of the government clashed with police in the capital.", "OPP", "COP", "14");
}

#[test]
fn workers_who_stop_work_strike() {
    let found = events("Hundreds of workers stopped work on Tuesday in a strike over pay.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.code == "143"), "{}", describe(&found));
}

#[test]
fn a_plural_in_ies_matches_its_singular_term() {
    // "supplies" is left as it is by the lemmatiser; the pattern term is "supply".
    expect("Kenyan troops distributed supplies including tents to refugees.", "KENMIL", "REF", "073");
}

#[test]
fn rescue_operations_resolutions_and_arriving_people_are_no_attack_approval_or_visit() {
    let none_of = |text: &str, roots: &[&str]| {
        let found = events(text, Some("2024-03-01"));
        assert!(found.iter().all(|e| !roots.contains(&e.cameo.root.as_str())), "{text:?}: {}", describe(&found));
    };
    none_of("The Kenyan navy carried out rescue operations off the coast of Somalia.", &["19"]);
    // A resolution approved is coded by what it says.
    expect("The European Parliament approved a resolution condemning the Belarusian government.", "IGOEUR", "BLRGOV", "11");
    none_of("The European Parliament approved a resolution condemning the Belarusian government.", &["05"]);
    none_of("Two hundred refugees arrived in Kenya on Monday.", &["04"]);
}

#[test]
fn an_attack_on_a_place_held_by_a_side_targets_that_side() {
    expect("Ethiopian troops shelled a rebel-held town in Tigray.", "ETHMIL", "ETHREB", "19");
    expect("Government forces pressed their attacks on the rebel-held north of the region.", "MIL", "REB", "18");
}

#[test]
fn an_approved_extradition_targets_the_state_it_goes_to() {
    expect("A Kenyan court approved the extradition to Uganda of a businessman.", "KENJUD", "UGA", "063");
}

#[test]
fn migrants_who_enter_or_cross_invade_nothing() {
    let none_of = |text: &str| {
        let found = events(text, Some("2024-03-01"));
        assert!(found.iter().all(|e| e.cameo.root != "19"), "{text:?}: {}", describe(&found));
    };
    none_of("Thousands of migrants entered the country illegally last year.");
    none_of("Refugees crossed the border into Chad on Monday.");
    expect("Sudanese rebels crossed the border into Chad on Monday.", "SDNREB", "TCD", "192");
}

#[test]
fn two_sides_each_making_proposals_make_them_to_no_one_in_particular() {
    let found = events("Kenya and Uganda have both put forward detailed proposals.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.target.is_empty()), "{}", describe(&found));
    // Talks and conversations take two.
    expect("Kenya and Uganda held talks on Monday.", "KEN", "UGA", "04");
    expect("Kenyan President William Ruto and Ugandan President Yoweri Museveni had a long conversation on Monday.", "UGAGOV", "KENGOV", "04");
}

#[test]
fn a_bare_participle_with_a_by_agent_is_done_to_the_subject() {
    expect("Kenya sent troops to Somalia, backed by the United States.", "USA", "KEN", "05");
}

#[test]
fn private_travellers_addiction_and_hyphenated_defiance_are_no_events() {
    let none_of = |text: &str, roots: &[&str]| {
        let found = events(text, Some("2024-03-01"));
        assert!(found.iter().all(|e| !roots.contains(&e.cameo.root.as_str())), "{text:?}: {}", describe(&found));
    };
    none_of("A Kenyan man visiting Kampala with his family said he heard shots.", &["04"]);
    none_of("The programme helps people fighting addiction in Nairobi.", &["19"]);
    none_of("Hundreds of people stood in a gravity-defying crowd at the rally.", &["12"]);
    // A Kenyan man is a Kenyan civilian.
    expect("Ugandan police arrested a Kenyan man on Monday.", "UGACOP", "KENCVL", "173");
}

#[test]
fn a_state_that_went_for_a_candidate_visited_no_one() {
    let text = "Kenya held talks with Georgia. Then the state went for the opposition in the vote.";
    let found = events(text, Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.root != "04" || e.evidence.trigger.text != "went"), "{}", describe(&found));
    assert!(found.iter().all(|e| e.source.iter().all(|a| a.text != "the state")), "{}", describe(&found));
}

#[test]
fn an_act_in_an_after_clause_is_background_to_the_main_news() {
    let text = "Kenya defended its border policy after the Ugandan army shelled a Kenyan village.";
    let found = events(text, Some("2024-03-01"));
    let confidence = |trigger: &str| found.iter().find(|e| e.evidence.trigger.text == trigger).map(|e| e.confidence);
    let (main, background) = (confidence("defended"), confidence("shelled"));
    assert!(main.is_some() && background.is_some() && main > background, "{}", describe(&found));
    // The clause's own subject shells, not the main clause's.
    expect(text, "UGAMIL", "KEN", "19");
}

#[test]
fn a_sentence_opened_by_an_after_clause_has_its_main_clause_after_the_comma() {
    let text = "After the Kenyan court refused to reconsider the ruling, Ugandan Attorney General Kiryowa Kiwanuka (R) asked the African Union for help.";
    expect(text, "UGAGOV", "IGOAFRAFU", "02");
}

#[test]
fn rejecting_a_request_made_by_someone_targets_them() {
    expect("A Kenyan court rejected an appeal lodged by the Ugandan government.", "KENJUD", "UGAGOV", "12");
    expect("Chile's president rejected proposals submitted by the Argentine government.", "CHLGOV", "ARGGOV", "12");
}

#[test]
fn turning_down_a_proposal_targets_whoever_made_it() {
    // Not the party a phrase inside the proposal names.
    expect_exact("Sudan's army chief rejected a Qatari proposal for talks with the Rapid Support Forces.", "SDNMIL", "QAT", "127");
    expect_exact("Iran accepted Oman's invitation to talks with Britain.", "IRN", "OMN", "036");
}

#[test]
fn protesters_rallying_against_a_decision_demonstrate() {
    let found = events("Thousands of protesters rallied in Tbilisi against the government's decision.", Some("2024-06-01"));
    assert!(found.iter().any(|e| e.cameo.code.starts_with("141")), "{}", describe(&found));
    assert!(found.iter().all(|e| e.cameo.code != "113"), "{}", describe(&found));
}

#[test]
fn criticising_the_remarks_targets_whoever_was_last_quoted() {
    let text = "Polish President Andrzej Duda said on Monday that Belarus was arming migrants. Minsk condemned the remarks.";
    let found = events(text, Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.root == "11" && e.target.iter().any(|a| a.code.as_deref() == Some("POLGOV"))), "{}", describe(&found));
    // Remarks no one was quoted making are no one's.
    let found = events("Minsk condemned the remarks.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.target.is_empty()), "{}", describe(&found));
}

#[test]
fn the_purpose_of_an_alleged_act_is_alleged_too() {
    let found = events("Kinshasa accused Kigali of sending soldiers to back the M23 rebels.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.evidence.trigger.text != "back"), "{}", describe(&found));
    expect_exact("Kinshasa accused Kigali of sending soldiers to back the M23 rebels.", "CODGOV", "RWAGOV", "1123");
}

#[test]
fn ruling_out_talks_refuses_to_negotiate() {
    expect_exact("Caracas ruled out any negotiations with Washington.", "VENGOV", "USAGOV", "125");
    // Not ruling them out stays an intent to meet.
    expect_exact("Caracas did not rule out talks with Washington.", "VENGOV", "USAGOV", "036");
}

#[test]
fn calling_a_decision_regrettable_criticises_its_maker() {
    expect_exact("India called Pakistan's decision regrettable.", "IND", "PAK", "111");
    // In quotation marks, the parser reads the adjective as the object's apposition.
    expect_exact("India called Pakistan's decision “regrettable” on Friday.", "IND", "PAK", "111");
    expect_exact("Russia branded the new British sanctions illegal.", "RUS", "GBR", "111");
    expect("Germany described the Russian strike as barbaric.", "DEU", "RUS", "111");
    // Calling an accusation baseless denies it.
    let found = events("Pakistan called the allegations baseless.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.code == "016"), "{}", describe(&found));
    // Talks called useful are not criticised.
    let found = events("The minister called the talks with Egypt useful.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.code != "111"), "{}", describe(&found));
}

#[test]
fn protecting_interests_is_no_military_protection() {
    let found = events("China said it would take all necessary measures to protect the interests of Chinese companies.", Some("2024-03-01"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("074")), "{}", describe(&found));
    let found = events("French troops protected civilians in Bangui.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.code == "074"), "{}", describe(&found));
}

#[test]
fn trading_fire_is_fighting_not_trade() {
    expect_exact("India and Pakistan traded fire across the Line of Control.", "IND", "PAK", "193");
    expect_exact("Israel and Hezbollah traded strikes on Sunday.", "ISR", "LBNREB", "190");
    expect_exact("India and Pakistan traded goods worth billions last year.", "IND", "PAK", "061");
}

#[test]
fn what_is_not_ruled_out_decides_the_code() {
    // A gerund complement, which the parser hangs on the verb as an adverbial clause.
    expect("Israel has not ruled out striking Iran's nuclear sites.", "ISR", "IRN", "138");
    expect("Caracas did not rule out meeting Colombian officials.", "VENGOV", "COL", "036");
    expect("The minister did not rule out new sanctions against Iran.", "GOV", "IRN", "1312");
    // Not ruling out force is a threat, never an intent to meet; nor is not ruling out a run
    // for office an event at all.
    let found = events("Beijing has not ruled out using force to bring Taiwan under its control.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.code == "138") && found.iter().all(|e| !e.cameo.code.starts_with("03")), "{}", describe(&found));
    let found = events("The senator did not rule out a run for the presidency.", Some("2024-03-01"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("03")), "{}", describe(&found));
}

#[test]
fn a_verb_joined_to_a_reported_clause_in_the_reporters_tense_is_the_reporters() {
    // The parser joins "warned" and "ruled out" to the reported clause's verb; their tense (the
    // reporter's, where the clause's verb has an auxiliary) says whose they are.
    expect(
        "Greek Foreign Minister Giorgos Gerapetritis said the Turkish vessel had entered Greek waters and warned Ankara to stop its provocations.",
        "GRC",
        "TUR",
        "13",
    );
    expect(
        "Greek Foreign Minister Giorgos Gerapetritis said the navy was monitoring the vessel but ruled out talks with Ankara.",
        "GRC",
        "TUR",
        "12",
    );
    // A verb in the tense of the clause's own is the clause's.
    expect("The minister said the army attacked the town and killed ten civilians.", "MIL", "CVL", "18");
}

#[test]
fn what_a_participle_or_a_joined_gerund_adds_to_an_allegation_is_alleged() {
    for text in [
        "Ukraine accused Russia of shelling the town, killing five civilians.",
        "Vietnam accused Chinese coast guard ships of ramming and firing water cannon at a fishing boat, injuring four sailors.",
    ] {
        let found = events(text, Some("2024-03-01"));
        assert!(
            found.iter().all(|e| e.cameo.code.starts_with("11")),
            "only the accusation is coded in {text:?}:\n{}",
            describe(&found)
        );
    }
}

#[test]
fn what_is_ruled_out_does_not_happen() {
    let text = "ATHENS — Greek Defence Minister Nikos Dendias ruled out sending warships to the island for now.";
    let found = events(text, Some("2024-03-01"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("15")), "{}", describe(&found));
    let rejection = |e: &Event| e.cameo.code.starts_with("12") && e.source.iter().any(|a| a.code.as_deref() == Some("GRCGOV"));
    assert!(found.iter().any(rejection), "{}", describe(&found));
}

#[test]
fn an_allegation_answered_paragraphs_later_answers_the_accuser() {
    let text = "India accused Pakistan of backing the militants who attacked the post. Police said 14 officers died. \
                The militants crossed at night. Residents heard gunfire for hours. Schools stayed closed. \
                Pakistan rejected the allegation on Friday.";
    expect(text, "PAK", "IND", "01");
}

#[test]
fn a_charge_denied_in_a_relative_clause_answers_the_accuser() {
    expect("Thailand accused Cambodia of laying fresh mines, a charge Phnom Penh denied.", "KHM", "THA", "016");
    expect("Russia accused Ukraine of shelling the plant, an allegation Kyiv rejected.", "UKR", "RUS", "12");
}

#[test]
fn rejecting_the_accusation_answers_the_accuser() {
    expect(
        "Vietnam accused China of ramming a fishing boat near the Paracel Islands. Beijing rejected the accusation on Wednesday.",
        "CHN",
        "VNM",
        "01",
    );
}

#[test]
fn a_war_fought_from_one_year_to_another_is_history() {
    let found = events("Ethiopia and Eritrea fought a border war from 1998 to 2000.", Some("2025-03-10"));
    let war = found.iter().find(|e| e.cameo.code.starts_with("19")).unwrap_or_else(|| panic!("{}", describe(&found)));
    assert_eq!(war.modality, detente_core::Modality::Historical, "{}", describe(&found));
    assert_eq!(war.date.to_string(), "1998-01-01", "{}", describe(&found));
    // "Since 2018" runs up to the story's day.
    let found = events("Ethiopia has occupied the town since 2018.", Some("2025-03-10"));
    assert!(found.iter().all(|e| e.modality != detente_core::Modality::Historical), "{}", describe(&found));
}

#[test]
fn sides_that_trade_threats_threaten_each_other() {
    expect("Ethiopia and Eritrea traded threats on Monday.", "ETH", "ERI", "130");
    expect("Ethiopia and Eritrea traded threats on Monday.", "ERI", "ETH", "130");
    let found = events("Ethiopia and Eritrea traded threats on Monday.", Some("2025-03-10"));
    assert!(found.iter().all(|e| !e.cameo.code.starts_with("06")), "{}", describe(&found));
}

#[test]
fn insisting_that_something_is_so_demands_nothing() {
    let text = "Venezuela accused Guyana of provocations. Guyana rejected the claim. Venezuela threatened Guyana. \
                Maduro insisted that Venezuela sought a peaceful solution.";
    let found = events(text, Some("2025-03-12"));
    assert!(found.iter().all(|e| e.cameo.root != "10"), "{}", describe(&found));
    // Insisting on something still is a demand, addressed to the counterpart.
    let text = "Venezuela accused Guyana of provocations. Guyana rejected the claim. Venezuela threatened Guyana. \
                Maduro insisted on direct negotiations.";
    let found = events(text, Some("2025-03-12"));
    assert!(found.iter().any(|e| e.cameo.root == "10"), "{}", describe(&found));
}

#[test]
fn a_demand_addressed_to_a_counterpart_goes_to_its_state_not_its_fishermen() {
    let text = "Venezuela accused Guyana of provocations. Guyana rejected the claim. Venezuela threatened Guyana. \
                Venezuelan troops detained two Guyanese fishermen. Maduro insisted on direct negotiations.";
    let found = events(text, Some("2025-03-12"));
    let demand = found.iter().find(|e| e.cameo.root == "10").unwrap_or_else(|| panic!("no demand:\n{}", describe(&found)));
    assert_eq!(demand.target.iter().map(|a| a.code.as_deref().unwrap_or("")).collect::<Vec<_>>(), ["GUY"], "{}", describe(&found));
}

#[test]
fn a_countrys_rebels_make_no_counterpart_of_its_state() {
    // Washington deals with Sudan's rebels, not with its army chief.
    let text = "The United States has accused the RSF of genocide, and Washington imposed sanctions on the RSF in January. \
                The State Department urged the RSF to allow safe passage. Sudan's army chief, Abdel Fattah al-Burhan, vowed to fight on.";
    let found = events(text, Some("2025-10-29"));
    let threat = found.iter().find(|e| e.cameo.code == "130").unwrap_or_else(|| panic!("no threat:\n{}", describe(&found)));
    assert!(threat.target.is_empty(), "{}", describe(&found));
}

#[test]
fn a_relative_pronoun_stands_for_the_noun_it_follows() {
    let text = "Sudan's army lost El Fasher. The State Department called on the United Arab Emirates, which the army accuses of arming the RSF, to use its influence.";
    let found = events(text, Some("2025-10-29"));
    let accusation = found.iter().find(|e| e.cameo.code.starts_with("112")).unwrap_or_else(|| panic!("no accusation:\n{}", describe(&found)));
    assert_eq!(accusation.target.iter().map(|a| a.code.as_deref().unwrap_or("")).collect::<Vec<_>>(), ["ARE"], "{}", describe(&found));
}

#[test]
fn condemning_what_one_calls_someones_act_targets_them() {
    expect("The United States condemned what it called Venezuela's \"reckless provocations\".", "USA", "VEN", "111");
    expect("China denounced what it described as a provocation by the Philippines.", "CHN", "PHL", "111");
}

#[test]
fn an_accusation_after_a_rejection_is_coded_too() {
    // The participle after the object's comma is the rejecting verb's clause, not the warning's.
    expect("Maduro rejected the warning, accusing the United States of meddling in South American affairs.", "VEN", "USA", "112");
}

#[test]
fn what_is_offered_has_not_happened() {
    let found = events("Brazil offered to host talks between Venezuela and Guyana.", Some("2025-03-12"));
    assert!(found.iter().any(|e| e.cameo.code == "036"), "{}", describe(&found));
    assert!(found.iter().all(|e| e.cameo.code != "043"), "{}", describe(&found));
}

#[test]
fn offering_to_mediate_is_intent_to_mediate() {
    let found = events("The AU chairperson offered to mediate between Ethiopia and Eritrea.", Some("2025-03-10"));
    assert!(found.iter().any(|e| e.cameo.code == "039"), "{}", describe(&found));
    assert!(found.iter().all(|e| e.cameo.code != "045" && e.cameo.code != "038"), "{}", describe(&found));
    // Asking someone to mediate still is an appeal for mediation.
    expect("The UN urged Qatar to mediate between Ethiopia and Eritrea.", "IGO", "QAT", "028");
    // Offering to help mediate is offering to mediate: no aid offered, no mediation yet.
    let found = events("China, which has close ties with Cambodia, offered to help mediate.", Some("2025-07-28"));
    let codes: Vec<&str> = found.iter().map(|e| e.cameo.code.as_str()).collect();
    assert_eq!(codes, ["039"], "{}", describe(&found));
}

#[test]
fn helping_to_mediate_is_mediating_not_giving_aid() {
    let found = events("Egypt helped mediate the truce.", Some("2025-07-28"));
    assert!(found.iter().any(|e| e.cameo.code == "045"), "{}", describe(&found));
    assert!(found.iter().all(|e| e.cameo.code != "070"), "{}", describe(&found));
    // Helping someone is aid.
    expect("Egypt helped Sudan.", "EGY", "SDN", "070");
}

#[test]
fn promised_aid_keeps_its_kind() {
    let found = events("Japan will send humanitarian aid to Gaza.", Some("2025-03-12"));
    assert!(found.iter().any(|e| e.cameo.code == "0333"), "{}", describe(&found));
    // "every inch of" a territory is the territory: protection, not verbal defence.
    let found = events("Kenya pledged to defend every inch of Somalia's territory.", Some("2025-03-12"));
    assert!(found.iter().any(|e| e.cameo.code == "0334"), "{}", describe(&found));
    assert!(found.iter().all(|e| e.cameo.code != "052"), "{}", describe(&found));
}

#[test]
fn whom_a_phrase_sets_aside_is_no_target() {
    let text = "WASHINGTON (Detente) - Senator Tom Harlan of Wyoming, the party's chief whip, called it \"a solution in search of a problem\" \
                and said states, not Washington, should set the rules.";
    let found = events(text, Some("2025-06-10"));
    assert!(found.iter().all(|e| e.target.iter().all(|a| a.text != "Washington")), "{}", describe(&found));
}

#[test]
fn insisting_that_someone_act_in_the_subjunctive_is_a_demand() {
    expect("Azerbaijan insists that Armenia first amend its constitution.", "AZE", "ARM", "10");
}

#[test]
fn a_second_promised_act_is_promised_too() {
    let found = events("Biden, Yoon and Kishida agreed to hold annual meetings and to share real-time missile warning data by the end of the year.", Some("2023-08-20"));
    let share = found.iter().find(|e| e.evidence.trigger.text == "share").unwrap_or_else(|| panic!("no sharing:\n{}", describe(&found)));
    assert_eq!((share.cameo.code.as_str(), share.modality), ("0314", detente_core::Modality::Future), "{}", describe(&found));
    // Warning data is no warning.
    assert!(found.iter().all(|e| e.cameo.root != "13"), "{}", describe(&found));
}

#[test]
fn a_purpose_shares_the_modality_of_what_it_is_the_purpose_of() {
    let text = "Mali, Burkina Faso and Niger left ECOWAS. Their leaders have pledged to build a joint force of 5,000 troops to fight the insurgents.";
    let found = events(text, Some("2024-08-05"));
    assert!(found.iter().all(|e| e.cameo.root != "19"), "{}", describe(&found));
    // Sent to fight: the sending happened, and the fighting is told as its purpose.
    expect("Kenya sent troops to fight the rebels.", "KEN", "KEN", "154");
}

#[test]
fn protecting_ones_own_is_no_event() {
    for text in ["Peskov said Russia would take countermeasures to protect its security.", "Guyana's president said Guyana would defend every inch of its territory."] {
        let found = events(text, Some("2025-03-12"));
        assert!(found.iter().all(|e| !e.cameo.code.starts_with("033") && e.cameo.root != "07"), "{text}\n{}", describe(&found));
    }
}

#[test]
fn a_sources_request_for_anonymity_is_no_appeal() {
    for text in [
        "A Serbian diplomat who asked not to be named said the talks had stalled.",
        "A minister who requested anonymity said the talks had stalled.",
        "The official asked that his name not be used.",
    ] {
        let found = events(text, Some("2024-03-01"));
        assert!(found.iter().all(|e| e.cameo.root != "02"), "{text}: {}", describe(&found));
    }
    // A request of a state still is one.
    expect("Kosovo asked Serbia to release the prisoners.", "KSV", "SRB", "02");
}

#[test]
fn an_answer_to_force_is_aimed_at_whoever_used_it() {
    expect("Armenian troops shelled Azerbaijani posts on Monday. Azerbaijan retaliated with artillery fire.", "AZE", "ARMMIL", "19");
    expect(
        "The minister said Armenian soldiers had fired across the border and that Azerbaijani troops had returned fire.",
        "AZEMIL",
        "ARMMIL",
        "19",
    );
    expect("Armenian drones struck a depot. Azerbaijan hit back with rockets.", "AZE", "ARM", "19");
    expect("Armenia struck a depot on Friday, and Azerbaijan answered with waves of rockets.", "AZE", "ARM", "190");
    // An answer in words is none.
    let found = events("Armenia struck a depot on Friday, and Azerbaijan responded with a statement.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.evidence.trigger.text != "responded"), "{}", describe(&found));
    // Whoever used force, not the dateline's country.
    expect(
        "YEREVAN, May 8 (Detente) - The minister said Armenian soldiers had fired across the border and that Azerbaijani troops had returned fire.",
        "AZEMIL",
        "ARMMIL",
        "19",
    );
    // Hitting back at critics is words.
    let found = events("Armenia's prime minister hit back at critics of the deal.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.root != "19"), "{}", describe(&found));
}

#[test]
fn calling_an_act_a_crime_denounces_whoever_committed_it() {
    expect("Armenia launched drone strikes on Tuesday. Azerbaijan called the strikes “an act of aggression”.", "AZE", "ARM", "111");
    let found = events("Serbia's prime minister called the decision a provocation.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.code == "111" && e.source.iter().any(|a| a.code.as_deref() == Some("SRBGOV"))), "{}", describe(&found));
    // An act of courage is no denunciation.
    let found = events("The mayor called the rescue an act of courage.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.root != "11"), "{}", describe(&found));
}

#[test]
fn a_warning_of_what_is_done_threatens_nothing() {
    for text in ["Rwanda warned that past agreements had failed because they were not implemented.", "Serbia warned that the deal has collapsed."] {
        let found = events(text, Some("2024-03-01"));
        assert!(found.iter().all(|e| e.cameo.root != "13"), "{text}: {}", describe(&found));
    }
    // A warning of what may come still threatens.
    expect("Rwanda warned that Congo would pay a price.", "RWA", "COD", "13");
}

#[test]
fn what_others_are_urged_to_keep_doing_is_not_done() {
    let found = events("Serbian opposition leaders called for a new election and urged their supporters to keep protesting.", Some("2024-03-01"));
    assert!(found.iter().all(|e| e.cameo.root != "14"), "{}", describe(&found));
    // The call, read past the parser's "leaders (who were) called", is the leaders' own.
    assert!(found.iter().any(|e| e.cameo.code.starts_with("02") && e.evidence.trigger.text == "called"), "{}", describe(&found));
    // Kept up by the doer, it is done.
    let found = events("Serbian protesters kept blocking the road to the Kosovo border.", Some("2024-03-01"));
    assert!(found.iter().any(|e| e.cameo.code == "144" && e.modality == detente_core::Modality::Asserted), "{}", describe(&found));
}

#[test]
fn a_vow_to_eradicate_threatens() {
    expect("Georgia's prime minister accused the opposition of plotting a coup and vowed to eradicate it.", "GEOGOV", "GEOOPP", "13");
}

#[test]
fn force_across_a_country_targets_it() {
    expect_exact("Armenia struck dozens of nuclear and military sites across Azerbaijan on Friday.", "ARM", "AZE", "190");
}

#[test]
fn an_offer_to_mediate_between_two_targets_both() {
    expect("Egypt offered to mediate between Sudan and Chad.", "EGY", "SDN", "039");
    expect("Egypt offered to mediate between Sudan and Chad.", "EGY", "TCD", "039");
    expect("Qatar offered to help mediate between Sudan and Chad.", "QAT", "TCD", "039");
}
