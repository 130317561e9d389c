//! Reading unit-test records: our own small files and malformed XML.

use detente_petrarch::records::parse_records;
use detente_petrarch::{read_records, Coding, PetrarchError};
use std::path::Path;

const OWN: &str = r#"<Validation>
<Environment>
  <Verbfile>verbs.txt</Verbfile>
  <Actorfile>actors.txt</Actorfile>
  <Agentfile>agents.txt</Agentfile>
</Environment>
<Sentences>
<Sentence date="20200102" id="T-1" category="OWN">
<!-- two codings -->
<EventCoding sourcecode="NRL" targetcode="SDM" eventcode="032"></EventCoding>
<EventCoding sourcecode="SDM" targetcode="NRL" eventcode="033"/>
<Text>
Norland's envoy   travelled to Sudmark.
</Text>
<Parse>(ROOT (S ignored))</Parse>
</Sentence>
<Sentence date = "20200103" id ="T-2" category="OWN">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="20200104" id="T-3" category="ERROR">
<EventCoding error="sentencediscard"/>
<Text>A football match.</Text>
</Sentence>
</Sentences>
</Validation>"#;

#[test]
fn reads_environment_records_and_codings() {
    let set = parse_records(OWN, Path::new("own.xml")).unwrap();
    assert_eq!(set.environment.verb_files, ["verbs.txt"]);
    assert_eq!(set.environment.actor_files, ["actors.txt"]);
    assert!(set.environment.discard_files.is_empty());
    assert_eq!(set.records.len(), 3);
    let r = &set.records[0];
    assert_eq!((r.id.as_str(), r.category.as_str()), ("T-1", "OWN"));
    assert_eq!(r.date, chrono::NaiveDate::from_ymd_opt(2020, 1, 2));
    assert_eq!(r.text, "Norland's envoy travelled to Sudmark.");
    assert_eq!(
        r.expected,
        [
            Coding {
                source: "NRL".into(),
                target: "SDM".into(),
                event: "032".into()
            },
            Coding {
                source: "SDM".into(),
                target: "NRL".into(),
                event: "033".into()
            },
        ]
    );
    assert!(set.records[1].expected.is_empty());
    assert_eq!(
        set.records[2].expected_error.as_deref(),
        Some("sentencediscard")
    );
}

#[test]
fn malformed_xml_is_a_clear_error() {
    let broken = OWN.replace("</Text>\n<Parse>", "</Txt>\n<Parse>");
    match parse_records(&broken, Path::new("broken.xml")) {
        Err(e @ PetrarchError::Xml { .. }) => {
            let msg = e.to_string();
            assert!(msg.starts_with("broken.xml: malformed XML"), "{msg}");
        }
        other => panic!("expected an XML error, got {other:?}"),
    }
}

#[test]
fn record_problems_name_the_line() {
    let no_text = OWN.replace("<Text>Nothing happened.</Text>", "");
    match parse_records(&no_text, Path::new("own.xml")) {
        Err(PetrarchError::Syntax { line, message, .. }) => {
            assert_eq!(line, 17);
            assert!(
                message.contains("T-2") && message.contains("<Text>"),
                "{message}"
            );
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let bad_date = OWN.replace("20200104", "2020-01-04");
    let err = parse_records(&bad_date, Path::new("own.xml"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("own.xml:") && err.contains("bad date"),
        "{err}"
    );
    let err = read_records("/nonexistent/records.xml")
        .unwrap_err()
        .to_string();
    assert!(err.contains("/nonexistent/records.xml"), "{err}");
}
