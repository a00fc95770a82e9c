//! The example payloads of the reference pages (written for authentik 2024.8.3).

use conformance::seeds::{page, payloads};
use conformance::v2024_8_3::models as v2024;
use conformance::{pointer_of, round_trip, same_json};
use serde_json::Value;

fn check<T: serde::Serialize + serde::de::DeserializeOwned>(what: &str, payload: &Value) {
    let back = round_trip::<T>(payload).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(same_json(&back, payload), "{what} changed in a round trip:\n sent {payload}\n got  {back}");
}

fn check_newer_user(what: &str, token: &Value) {
    let spec = conformance::read_spec(conformance::spec_path("schema-2024.8.3.yml"));
    assert!(spec["components"]["schemas"]["User"]["properties"].get("password_change_date").is_none());
    let mut expected = token.clone();
    let dropped = expected["user_obj"].as_object_mut().unwrap().remove("password_change_date");
    assert!(dropped.is_some(), "{what}: the page's token has a newer user");
    let back = round_trip::<v2024::Token>(token).unwrap();
    assert!(same_json(&back, &expected), "{what}:\n sent {expected}\n got  {back}");
}

#[test]
fn token_pages_payloads_round_trip_in_2024_8_3_models() {
    let list = payloads(&page("002"));
    assert_eq!(list.len(), 3, "token list page: list, 400 and 403 examples");
    check::<v2024::PaginatedTokenList>("token list", &list[0]);
    check::<v2024::ValidationError>("400 body", &list[1]);
    check::<v2024::GenericError>("403 body", &list[2]);

    let create = payloads(&page("001"));
    assert_eq!(create.len(), 4, "create page: response, 400, 403 and the request body");
    // Pages 000 and 001 were rendered by a slightly newer server whose users carry
    // `password_change_date`, which 2024.8.3 does not define: the models must accept the
    // payload and drop just that field (a newer server adds fields).
    check_newer_user("created token", &create[0]);
    let body = create.iter().find(|v| v.get("user_obj").is_none() && v.get("identifier").is_some()).unwrap();
    check::<v2024::TokenRequest>("create body", body);
    check::<v2024::PatchedTokenRequest>("patch body", body);

    let patch = payloads(&page("000"));
    check_newer_user("patched token", &patch[0]);
}

#[test]
fn totp_page_payloads_round_trip_in_2024_8_3_models() {
    let totp = payloads(&page("003"));
    assert_eq!(totp.len(), 3, "TOTP page: device, 400 and 403 examples");
    check::<v2024::TotpDevice>("TOTP device", &totp[0]);
    check::<v2024::ValidationError>("400 body", &totp[1]);
    check::<v2024::GenericError>("403 body", &totp[2]);
}

#[test]
fn token_list_from_2024_does_not_fit_the_pinned_models() {
    // Newer versions made more user fields required; the error must say which and where.
    let list = payloads(&page("002")).remove(0);
    let err = serde_path_to_error::deserialize::<_, authentik_api::models::PaginatedTokenList>(list).unwrap_err();
    assert_eq!(pointer_of(err.path()), "/results/0/user_obj");
    assert!(err.inner().to_string().contains("missing field `date_joined`"), "{}", err.inner());
}

/// `responses = "tolerant"` (akgen.toml): the same 2024-era list decodes in the pinned
/// models, the missing `date_joined` as `None`, and is written back as it came; so does a
/// `null` where the spec says non-null. The strict models (above) still refuse both.
#[test]
fn token_list_from_2024_decodes_in_the_tolerant_models() {
    use conformance::tolerant_tokens::models::PaginatedTokenList;
    let list = payloads(&page("002")).remove(0);
    let tolerant: PaginatedTokenList = serde_path_to_error::deserialize(list.clone()).unwrap_or_else(|e| panic!("{e}"));
    let user = tolerant.results.as_ref().unwrap()[0].user_obj.as_ref().unwrap();
    assert_eq!(user.date_joined, None);
    assert_eq!(user.username.as_deref(), Some("string"));
    // Written back, what was absent stays absent (not `null`), and it reads back the same.
    // (Properties the pinned schema no longer has, `parent` of a group, are dropped as ever.)
    let back = serde_json::to_value(&tolerant).unwrap();
    assert!(back["results"][0]["user_obj"].get("date_joined").is_none(), "{back}");
    assert_eq!(back["results"][0]["user_obj"]["username"], list["results"][0]["user_obj"]["username"]);
    assert_eq!(serde_json::from_value::<PaginatedTokenList>(back).unwrap(), tolerant);

    let mut null_name = list.clone();
    null_name["results"][0]["user_obj"]["username"] = Value::Null;
    let tolerant: PaginatedTokenList = serde_json::from_value(null_name.clone()).unwrap();
    assert_eq!(tolerant.results.as_ref().unwrap()[0].user_obj.as_ref().unwrap().username, None);
    let strict = serde_path_to_error::deserialize::<_, authentik_api::models::PaginatedTokenList>(null_name);
    assert!(strict.is_err(), "strict refuses null for a non-nullable property");

    // `groups_obj` is required and nullable: strict models refuse a user without it (null
    // is a value, absence is not), tolerant ones read it as `None`. (A user with every
    // field the pinned spec requires; the 2024 page's lacks several.)
    let mut user = serde_json::json!({
        "pk": 1, "username": "akadmin", "name": "admin", "is_active": true,
        "date_joined": "2024-01-01T00:00:00Z", "is_superuser": true, "groups_obj": null,
        "roles_obj": null, "avatar": "", "uid": "akadmin", "uuid": "00000000-0000-4000-8000-000000000001",
        "password_change_date": "2024-01-01T00:00:00Z", "last_updated": "2024-01-01T00:00:00Z"
    });
    user.as_object_mut().unwrap().remove("groups_obj");
    let strict = serde_path_to_error::deserialize::<_, authentik_api::models::User>(user.clone()).unwrap_err();
    assert!(strict.inner().to_string().contains("missing field `groups_obj`"), "{}", strict.inner());
    let tolerant: conformance::tolerant_tokens::models::User = serde_json::from_value(user.clone()).unwrap();
    assert_eq!(tolerant.groups_obj, None);
    user["groups_obj"] = Value::Null;
    let strict = serde_path_to_error::deserialize::<_, authentik_api::models::User>(user);
    assert!(strict.is_ok(), "strict takes null as a value: {}", strict.unwrap_err());
}

/// specs/configs/tokens-custom/akgen.toml: `date-time` and `uuid` as strings, `User`
/// replaced by the hand-written `token_owner::Owner`, `description` renamed, `expires` made
/// non-nullable by an overlay. The reference pages' tokens decode and are written back as
/// they came (the replacement keeps every user field, which the generated `User` of the
/// pinned spec drops); `expires` is an `Option`, not a `Nullable`; and the strings are still
/// validated as the formats the spec names.
#[test]
fn token_payloads_round_trip_in_the_customized_models() {
    use conformance::custom_tokens::models::{Token, TokenPage};
    use conformance::custom_tokens::validation::Validate as _;

    let mut list = payloads(&page("002")).remove(0);
    // The pinned spec added `autocomplete` to every page, which the 2024 page lacks.
    assert!(list.get("autocomplete").is_none());
    list["autocomplete"] = serde_json::json!({});
    check::<TokenPage>("token list", &list);
    let decoded: TokenPage = serde_json::from_value(list.clone()).unwrap();
    let (token, sent) = (&decoded.results[0], &list["results"][0]);
    assert_eq!(Some(token.pk.as_str()), sent["pk"].as_str(), "uuid as the string sent");
    assert_eq!(token.expires.as_deref(), sent["expires"].as_str(), "date-time as the string sent");
    assert_eq!(token.summary.as_deref(), sent["description"].as_str(), "the renamed field");
    let owner: &token_owner::Owner = &token.user_obj;
    assert_eq!(Some(owner.username.as_str()), sent["user_obj"]["username"].as_str());
    assert!(owner.rest.contains_key("groups_obj") && !owner.rest.contains_key("date_joined"));
    assert_eq!(token.validate(), Ok(()));

    // A newer server's user (`password_change_date`) is kept whole.
    let created = payloads(&page("001")).remove(0);
    assert!(created["user_obj"].get("password_change_date").is_some());
    check::<Token>("created token", &created);

    // The overlay: `expires` is no longer nullable, so an `Option` (absent or a value)
    // instead of the pinned models' three-state `Nullable`: a `null` reads as absent and is
    // not written back, where the spec's own models keep it as `Null`.
    let mut null_expiry = created.clone();
    null_expiry["expires"] = Value::Null;
    let custom: Token = serde_json::from_value(null_expiry.clone()).unwrap();
    assert_eq!(custom.expires, None);
    assert!(serde_json::to_value(&custom).unwrap().get("expires").is_none());
    // (The tolerant models of the same spec, without the overlay: the strict ones would
    // refuse the 2024 page's user, which lacks `date_joined`.)
    let pinned: conformance::tolerant_tokens::models::Token = serde_json::from_value(null_expiry).unwrap();
    assert_eq!(pinned.expires, conformance::tolerant_tokens::runtime::Nullable::Null);
    assert_eq!(serde_json::to_value(&pinned).unwrap()["expires"], Value::Null);

    // Strings, but still the formats: RFC 3339 date-times, hyphenated UUIDs.
    let mut bad = token.clone();
    bad.pk = "not-a-uuid".into();
    bad.expires = Some("2019-13-01T00:00:00Z".into());
    let found: Vec<(String, &str)> =
        bad.validate().unwrap_err().0.into_iter().map(|v| (v.pointer, v.keyword)).collect();
    assert_eq!(found, [("/pk".to_string(), "format"), ("/expires".to_string(), "format")]);
    for ok in ["1985-04-12T23:20:50.52Z", "1996-12-19T16:39:57-08:00"] {
        bad.expires = Some(ok.into());
        bad.pk = "f81d4fae-7dec-11d0-a765-00a0c91e6bf6".into();
        assert_eq!(bad.validate(), Ok(()), "{ok}");
    }
}

/// specs/configs/tokens-time/akgen.toml: `date-time = "time"`. The reference pages' tokens
/// decode with their date-times as `time::OffsetDateTime` (the instant and the offset they
/// were sent with, as chrono reads the same text) and are written back as they came; text
/// that is not RFC 3339 is refused where it stands, as the chrono models refuse it.
#[test]
fn token_payloads_round_trip_with_time_date_times() {
    use conformance::time_tokens::models::{Token, TokenRequest};
    use conformance::time_tokens::runtime::Nullable;
    use time::format_description::well_known::Rfc3339;

    let mut created = payloads(&page("001"));
    // The pinned spec made more of the user required than the 2024 page has: two more
    // date-times (one with an offset other than UTC) and the roles.
    let user = created[0]["user_obj"].as_object_mut().unwrap();
    for (field, value) in [
        ("date_joined", Value::from("2024-08-29T11:21:52.318+02:00")),
        ("last_updated", Value::from("2024-08-30T08:00:00Z")),
        ("roles_obj", Value::Array(Vec::new())),
    ] {
        assert!(user.insert(field.into(), value).is_none(), "the page's user has {field}");
    }
    // And the pinned spec's groups no longer have a parent, which the models drop.
    let spec = conformance::read_spec(conformance::spec_path("schema-2026.5.6.yml"));
    let group = &spec["components"]["schemas"]["PartialGroup"]["properties"];
    assert!(group.get("name").is_some(), "the pinned spec's PartialGroup");
    for gone in ["parent", "parent_name"] {
        assert!(group.get(gone).is_none(), "{gone}");
        user["groups_obj"][0].as_object_mut().unwrap().remove(gone).expect(gone);
    }
    check::<Token>("created token", &created[0]);
    let body = created.iter().find(|v| v.get("user_obj").is_none() && v.get("identifier").is_some()).unwrap();
    check::<TokenRequest>("create body", body);

    let token: Token = serde_json::from_value(created[0].clone()).unwrap();
    let sent = created[0]["expires"].as_str().expect("the page's token expires");
    let Nullable::Value(expires) = token.expires else { panic!("expires: {:?}", token.expires) };
    let expires: time::OffsetDateTime = expires.into();
    assert_eq!(expires, time::OffsetDateTime::parse(sent, &Rfc3339).unwrap());
    let chrono = chrono::DateTime::parse_from_rfc3339(sent).unwrap();
    assert_eq!(expires.unix_timestamp_nanos(), i128::from(chrono.timestamp_nanos_opt().unwrap()));
    assert_eq!(expires.offset().whole_seconds(), chrono.offset().local_minus_utc());
    let joined = token.user_obj.date_joined;
    assert_eq!(joined.offset().whole_hours(), 2, "a nested date-time, with its offset");
    assert_eq!(joined.to_string(), "2024-08-29T11:21:52.318+02:00");

    // An offset other than UTC is kept, not normalized (chrono's `DateTime<Utc>` would write `Z`).
    let mut shifted = created[0].clone();
    shifted["expires"] = "2026-12-02T06:30:00+05:30".into();
    check::<Token>("token expiring at +05:30", &shifted);

    for bad in ["2026-12-02T06:30:00", "2026-12-02", "2026-02-30T00:00:00Z"] {
        let mut wrong = created[0].clone();
        wrong["expires"] = bad.into();
        let err = serde_path_to_error::deserialize::<_, Token>(wrong).unwrap_err();
        assert_eq!(pointer_of(err.path()), "/expires", "{bad}");
        assert!(err.inner().to_string().contains("is not an RFC 3339 date-time"), "{bad}: {}", err.inner());
        assert!(chrono::DateTime::parse_from_rfc3339(bad).is_err(), "chrono agrees that {bad:?} is not RFC 3339");
    }
}
