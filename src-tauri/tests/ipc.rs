//! The commands as the UI calls them: through Tauri's IPC (mock runtime, no window), with the
//! app's real configuration and capabilities, on a temporary database.

use raadsbudget_desktop::{app_builder, commands, AppState, MAIN_WINDOW};
use raadsbudget_usecases::session::{default_db_path, DB_FILE};
use raadsbudget_usecases::Session;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow};

fn app(state: AppState) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = app_builder(mock_builder(), state)
        .build(tauri::generate_context!())
        .expect("app");
    // Windows of the config are made when the app runs; the mock app makes it here.
    let config = app.config().app.windows[0].clone();
    assert_eq!(config.label, MAIN_WINDOW);
    let window = tauri::WebviewWindowBuilder::from_config(&app, &config)
        .and_then(|b| b.build())
        .expect("main window");
    (app, window)
}

fn temp_app() -> (
    tempfile::TempDir,
    App<MockRuntime>,
    WebviewWindow<MockRuntime>,
) {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = Session::open(&dir.path().join(DB_FILE)).expect("store");
    let (app, window) = app(AppState::from_session(session));
    (dir, app, window)
}

/// Invokes `cmd` with `args` (camelCase keys, as `invoke()` in the UI sends them).
fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().expect("json"))
}

/// An ErrorView: exactly `kind`, `kop`, `message` and `meldingen`.
fn assert_error_view(value: &Value, kind: &str) {
    let keys: BTreeSet<&str> = value
        .as_object()
        .unwrap_or_else(|| panic!("not an ErrorView: {value}"))
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from(["kind", "kop", "message", "meldingen"]),
        "{value}"
    );
    assert_eq!(value["kind"], kind, "{value}");
    assert!(
        !value["kop"].as_str().unwrap_or_default().is_empty(),
        "{value}"
    );
    assert!(
        !value["message"].as_str().unwrap_or_default().is_empty(),
        "{value}"
    );
    assert!(value["meldingen"].is_array(), "{value}");
}

/// The command names of the table in docs/ipc.md.
fn documented_commands() -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/ipc.md");
    let text = std::fs::read_to_string(&path).expect("docs/ipc.md");
    text.lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn every_documented_command_is_registered() {
    let documented = documented_commands();
    let registered: BTreeSet<String> = commands::NAMES.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        registered, documented,
        "commands::NAMES against docs/ipc.md"
    );

    let (_dir, _app, window) = temp_app();
    for name in commands::NAMES {
        if let Err(e) = invoke(&window, name, json!({})) {
            assert_ne!(
                e,
                json!(format!("Command {name} not found")),
                "{name} is not registered"
            );
            assert!(
                !e.as_str().unwrap_or_default().contains("not allowed"),
                "{name} is refused by the ACL: {e}"
            );
        }
    }
    assert_eq!(
        invoke(&window, "bestaat_niet", json!({})),
        Err(json!("Command bestaat_niet not found"))
    );
}

#[test]
fn the_capability_allows_nothing_but_the_dialogs() {
    let (_dir, _app, window) = temp_app();
    // Refused before they run (so no dialog opens here): not granted in capabilities/default.json.
    for cmd in [
        "plugin:dialog|message",
        "plugin:dialog|ask",
        "plugin:event|listen",
        "plugin:window|set_title",
        "plugin:path|resolve_directory",
        "plugin:app|version",
    ] {
        let e = invoke(&window, cmd, json!({})).expect_err(cmd);
        let e = e.as_str().unwrap_or_default();
        assert!(e.contains("not allowed"), "{cmd}: {e}");
    }
}

#[test]
fn errors_reach_the_ui_as_error_views() {
    let (_dir, _app, window) = temp_app();
    let refused = invoke(
        &window,
        "organisatie_toevoegen",
        json!({"code": "XX1", "naam": "Nergens"}),
    )
    .expect_err("invalid code");
    assert_error_view(&refused, "invoer");

    let unknown = invoke(
        &window,
        "formulier",
        json!({"organisatie": "GM9999", "uitvraag": 2026}),
    )
    .expect_err("unknown organisation");
    assert_error_view(&unknown, "niet_gevonden");
}

#[test]
fn a_store_that_cannot_be_opened_is_reported_not_a_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("geen-map");
    std::fs::write(&file, "dit is geen map").expect("write");
    let (_app, window) = app(AppState::open(Some(file.join(DB_FILE))));
    for (cmd, args) in [
        ("app_info", json!({})),
        ("organisaties", json!({})),
        (
            "formulier",
            json!({"organisatie": "GM0363", "uitvraag": 2026}),
        ),
    ] {
        let e = invoke(&window, cmd, args).expect_err(cmd);
        assert_error_view(&e, "opslag");
        assert!(
            e["message"]
                .as_str()
                .unwrap_or_default()
                .contains("geen-map"),
            "{e}"
        );
    }
    let (_app, window) = app(AppState::open(None));
    assert_error_view(
        &invoke(&window, "app_info", json!({})).expect_err("no path"),
        "opslag",
    );
}

#[test]
fn commands_take_the_documented_argument_names() {
    let (dir, _app, window) = temp_app();
    let info = invoke(&window, "app_info", json!({})).expect("app_info");
    assert_eq!(
        info["database"],
        dir.path().join(DB_FILE).display().to_string()
    );

    let org = invoke(
        &window,
        "organisatie_toevoegen",
        json!({"code": "GM0363", "naam": "Amsterdam"}),
    )
    .expect("organisatie_toevoegen");
    assert_eq!(org["code"], "GM0363");
    assert_eq!(
        invoke(&window, "organisaties", json!({})).expect("organisaties")[0]["code"],
        "GM0363"
    );

    let verzoek = |tekst: &str| {
        json!({"verzoek": {
            "organisatie": "GM0363", "uitvraag": 2026, "jaar": 2026, "fase": "begroting",
            "post": "GRF.PERSONEEL", "invoer": {"soort": "waarde", "tekst": tekst},
            "toelichting": null,
        }})
    };
    let form = invoke(&window, "waarde_zetten", verzoek("812.345,00")).expect("waarde_zetten");
    assert_eq!(form["organisatie"]["code"], "GM0363");
    let bad = invoke(&window, "waarde_zetten", verzoek("12,345")).expect_err("three decimals");
    assert_error_view(&bad, "waarde");

    let history = invoke(
        &window,
        "geschiedenis",
        json!({"organisatie": "GM0363", "post": null}),
    )
    .expect("geschiedenis");
    assert!(
        history.as_array().is_some_and(|h| !h.is_empty()),
        "{history}"
    );
    invoke(
        &window,
        "controle",
        json!({"organisatie": "GM0363", "uitvraag": 2026}),
    )
    .expect("controle");
    invoke(
        &window,
        "waarde_wissen",
        json!({"organisatie": "GM0363", "uitvraag": 2026, "jaar": 2026, "fase": "begroting", "post": "GRF.PERSONEEL"}),
    )
    .expect("waarde_wissen");
    let undone = invoke(&window, "ongedaan_maken", json!({"organisatie": "GM0363"})).expect("undo");
    assert!(undone.is_object(), "{undone}");

    let backup = dir.path().join("kopie.sqlite");
    let written = invoke(
        &window,
        "backup_maken",
        json!({"pad": backup.display().to_string()}),
    )
    .expect("backup_maken");
    assert_eq!(written, backup.display().to_string());
    assert!(backup.is_file());
    let safety = invoke(
        &window,
        "backup_terugzetten",
        json!({"pad": backup.display().to_string()}),
    )
    .expect("backup_terugzetten");
    assert!(Path::new(safety.as_str().expect("path")).is_file());
}

#[test]
fn the_default_database_is_in_the_app_data_dir() {
    let (_dir, app, _window) = temp_app();
    let app_data = app.path().app_data_dir().expect("app_data_dir");
    assert_eq!(default_db_path(), Some(app_data.join(DB_FILE)));
}

/// The files of a bundle's output folder, by name.
fn folder_files(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("output folder")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().into_string().expect("utf-8"),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

#[test]
fn bundelen_is_the_use_case_of_the_cli_and_needs_no_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    raadsbudget_usecases::demo_files::write_demo_files(2026, 5, 1, &input).expect("demo files");
    // A store that cannot be opened: bundling works all the same.
    let (_app, window) = app(AppState::open(None));

    let app_out = dir.path().join("app");
    let verzoek = json!({
        "invoer": [input.display().to_string()],
        "uit": app_out.display().to_string(),
        "register": null,
        "uitvraag": null,
        "xlsx": false,
    });
    let view = invoke(
        &window,
        "bundelen",
        json!({"verzoek": verzoek, "voortgang": "__CHANNEL__:4242"}),
    )
    .expect("bundelen");
    assert_eq!(view["bestanden"], 5, "{view}");
    assert_eq!(view["geaccepteerd"], 5, "{view}");
    assert_eq!(view["inzendingen"].as_array().map(Vec::len), Some(5));

    // The same request straight to the use case (as the CLI makes it) writes the same bytes.
    let cli_out = dir.path().join("cli");
    let direct = raadsbudget_usecases::bundel::bundle(
        &raadsbudget_usecases::bundel::BundleRequest {
            inputs: vec![input.display().to_string()],
            out: cli_out.clone(),
            register: None,
            uitvraag: None,
            xlsx: false,
            per_file: false,
        },
        &|_, _| {},
    )
    .expect("bundle");
    // The same summary, but for the output folder it names.
    let direct_out = direct.out.display().to_string();
    let app_summary = json!(direct
        .summary()
        .iter()
        .map(|line| line.replace(&direct_out, view["uit"].as_str().expect("uit")))
        .collect::<Vec<_>>());
    assert_eq!(view["samenvatting"], app_summary);
    assert_eq!(view["uitvoer"], json!(direct.written));
    assert_eq!(folder_files(&app_out), folder_files(&cli_out));

    // Errors are ErrorViews.
    let nothing = invoke(
        &window,
        "bundelen",
        json!({"verzoek": {"invoer": [], "uit": app_out.display().to_string(), "register": null, "uitvraag": null, "xlsx": false}, "voortgang": "__CHANNEL__:4243"}),
    )
    .expect_err("no input");
    assert_error_view(&nothing, "invoer");
}

#[test]
fn dropped_files_reach_the_channel_of_slepen_volgen() {
    use raadsbudget_desktop::commands::bundel::{on_drag_drop, BundleState};
    use std::sync::{Arc, Mutex};
    use tauri::{DragDropEvent, PhysicalPosition};

    let (_dir, app, window) = temp_app();
    let received: Arc<Mutex<Vec<Value>>> = Arc::default();
    let sink = Arc::clone(&received);
    app.state::<BundleState>()
        .follow_drops(tauri::ipc::Channel::new(move |body| {
            let message = body.deserialize::<Value>().expect("json");
            sink.lock().expect("lock").push(message);
            Ok(())
        }));
    let window = window.as_ref().window();
    let at = PhysicalPosition::new(10.0, 10.0);
    on_drag_drop(
        &window,
        &DragDropEvent::Enter {
            paths: vec!["/data/a.csv".into()],
            position: at,
        },
    );
    on_drag_drop(&window, &DragDropEvent::Over { position: at });
    on_drag_drop(
        &window,
        &DragDropEvent::Drop {
            paths: vec!["/data/a.csv".into(), "/data/map".into()],
            position: at,
        },
    );
    on_drag_drop(&window, &DragDropEvent::Leave);
    assert_eq!(
        *received.lock().expect("lock"),
        vec![
            json!({"soort": "boven"}),
            json!({"soort": "los", "paden": ["/data/a.csv", "/data/map"]}),
            json!({"soort": "weg"}),
        ]
    );
}

#[test]
fn only_a_bundles_output_folder_can_be_opened() {
    let (dir, _app, window) = temp_app();
    // The opener plugin is not registered: the webview cannot open anything itself.
    let e =
        invoke(&window, "plugin:opener|open_path", json!({"path": "/"})).expect_err("no opener");
    assert!(e.as_str().is_some(), "{e}");
    for map in [
        dir.path().display().to_string(),
        "/".to_string(),
        dir.path().join(DB_FILE).display().to_string(),
    ] {
        let refused =
            invoke(&window, "uitvoermap_openen", json!({ "map": map })).expect_err("refused");
        assert_error_view(&refused, "invoer");
    }
}

#[test]
fn the_definities_commands_list_compare_and_add_versions() {
    let (dir, _app, window) = temp_app();
    let versies = invoke(&window, "definities_versies", json!({})).expect("versies");
    let names: Vec<&str> = versies
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["versie"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["2026.1", "2027.1"]);
    assert!(versies[1]["sha256"].as_str().unwrap().len() == 64);
    let w =
        invoke(&window, "definities_wijzigingen", json!({ "versie": null })).expect("wijzigingen");
    assert_eq!(
        (w["versie"].as_str(), w["vorige"].as_str()),
        (Some("2027.1"), Some("2026.1"))
    );
    assert_eq!(w["wijzigingen"].as_array().unwrap().len(), 6);
    assert_eq!(w["wijzigingen"][0]["soort"], "hernoemd");
    let first = invoke(
        &window,
        "definities_wijzigingen",
        json!({ "versie": "2026.1" }),
    )
    .expect("first");
    assert!(first.is_null());
    // The built-in 2027.1 file again: known, nothing changes.
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/definities/2027.1.toml");
    let added = invoke(
        &window,
        "definities_toevoegen",
        json!({ "pad": file.display().to_string() }),
    )
    .expect("toevoegen");
    assert!(
        added["bericht"].as_str().unwrap().contains("al bekend"),
        "{added}"
    );
    // Another text under a known version is refused as the user's input.
    let other = dir.path().join("2027.1.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &other,
        text.replacen("Informatievoorziening raad", "Informatie", 1),
    )
    .unwrap();
    let e = invoke(
        &window,
        "definities_toevoegen",
        json!({ "pad": other.display().to_string() }),
    )
    .expect_err("refused");
    assert_error_view(&e, "invoer");
    assert!(
        e["message"].as_str().unwrap().contains("andere inhoud"),
        "{e}"
    );
}
