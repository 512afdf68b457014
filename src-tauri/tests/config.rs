//! The app's security configuration: `capabilities/default.json` grants only what the app uses,
//! and `tauri.conf.json` has the strict CSP and loads nothing from the network.

use serde_json::Value;
use std::path::Path;

fn json(file: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every string in a JSON value, with its location.
fn strings(value: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(s) => out.push((at.to_string(), s.clone())),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                strings(v, &format!("{at}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                strings(v, &format!("{at}.{k}"), out);
            }
        }
        _ => {}
    }
}

/// The CSP of docs: no remote origin, no inline or eval'd script. `connect-src` allows only
/// Tauri's IPC (`ipc:` on Linux and macOS, `http://ipc.localhost` on Windows).
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data:; font-src 'self' data:; connect-src ipc: http://ipc.localhost; \
object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

#[test]
fn capability_grants_only_what_the_app_uses() {
    let cap = json("capabilities/default.json");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    assert!(cap.get("remote").is_none(), "no remote URL may use the IPC");
    let mut permissions: Vec<&str> = cap["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| {
            p.as_str()
                .expect("plain permission identifiers only, no scopes")
        })
        .collect();
    permissions.sort_unstable();
    assert_eq!(permissions, ["dialog:allow-open", "dialog:allow-save"]);
    // No other capability files: everything in the folder is granted.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities");
    let files: Vec<_> = std::fs::read_dir(dir)
        .expect("capabilities folder")
        .map(|e| e.expect("entry").file_name().into_string().expect("utf-8"))
        .collect();
    assert_eq!(files, ["default.json"]);
}

#[test]
fn config_has_the_strict_csp_and_no_remote_url() {
    let conf = json("tauri.conf.json");
    let security = &conf["app"]["security"];
    assert_eq!(security["csp"], CSP);
    assert!(security.get("devCsp").is_none());
    assert!(security
        .get("dangerousDisableAssetCspModification")
        .is_none());
    assert_eq!(conf["app"]["withGlobalTauri"], false);
    assert_eq!(conf["build"]["frontendDist"], "../ui/dist");
    assert!(conf["build"].get("devUrl").is_none(), "no dev server URL");

    let mut all = Vec::new();
    strings(&conf, "$", &mut all);
    for (at, s) in &all {
        let remote = s.replace("http://ipc.localhost", "").contains("http")
            || s.contains("ws://")
            || s.contains("wss://");
        assert!(!remote, "{at} has a remote URL: {s}");
    }
}

#[test]
fn config_names_the_app_and_its_window() {
    let conf = json("tauri.conf.json");
    assert_eq!(conf["productName"], "Raadsbudget");
    assert_eq!(
        conf["identifier"],
        raadsbudget_usecases::session::APP_IDENTIFIER
    );
    let windows = conf["app"]["windows"].as_array().expect("windows");
    assert_eq!(windows.len(), 1);
    let w = &windows[0];
    assert_eq!(w["label"], raadsbudget_desktop::MAIN_WINDOW);
    assert_eq!(w["title"], "Raadsbudget");
    assert_eq!(
        (w["width"].as_u64(), w["height"].as_u64()),
        (Some(1280), Some(800))
    );
    assert_eq!(w["minWidth"].as_u64(), Some(1024));
}
