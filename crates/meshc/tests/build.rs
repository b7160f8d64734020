//! `meshc build`: the executable it writes runs on its own — also after being copied to
//! another directory — with the program's output, arguments and exit code; `meshc check`
//! and compile errors behave as documented.

use std::path::{Path, PathBuf};
use std::process::Command;

fn meshc() -> Command {
    Command::new(env!("CARGO_BIN_EXE_meshc"))
}

/// A fresh, empty directory under the system temp dir.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("meshc-build-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create dir");
    }
    std::fs::write(path, text).expect("write file");
}

#[test]
fn a_multi_module_project_builds_to_a_standalone_executable() {
    let dir = scratch("multi");
    let app = dir.join("shop");
    write(
        &app.join("inventory/item.mpl"),
        "pub struct Item do\n  sku :: String\n  qty :: Int\nend deriving(Display)\n\n\
         pub fn restock(item :: Item, n :: Int) -> Item do\n  %{item | qty: item.qty + n}\nend\n",
    );
    write(
        &app.join("report.mpl"),
        "from Inventory.Item import Item\n\npub fn line(i :: Item) -> String = \"${i.sku}: ${i.qty}\"\n",
    );
    write(
        &app.join("main.mpl"),
        "from Inventory.Item import Item, restock\nfrom Report import line\n\n\
         fn main() do\n  let i = restock(Item { sku: \"apple\", qty: 2 }, 3)\n  println(line(i))\n  \
         println(\"args: ${Env.args()}\")\nend\n",
    );
    let out = meshc().arg("build").arg(&app).output().expect("run meshc");
    assert!(
        out.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let exe = app.join("shop");
    assert!(exe.is_file(), "no executable at {}", exe.display());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Compiled:"));

    // Copy it somewhere else (no sources, no toolchain next to it) and run it there.
    let elsewhere = dir.join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    let copy = elsewhere.join("shop-copy");
    std::fs::copy(&exe, &copy).expect("copy executable");
    std::fs::remove_dir_all(&app).expect("remove the project");
    let run = Command::new(&copy)
        .args(["one", "two"])
        .current_dir(&elsewhere)
        .output()
        .expect("run the executable");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "apple: 5\nargs: [one, two]\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_output_option_and_run_time_exit_codes() {
    let dir = scratch("exit");
    write(
        &dir.join("app/main.mpl"),
        "fn main() do\n  println(\"before\")\n  let xs = [1]\n  println(\"${List.get(xs, 3)}\")\nend\n",
    );
    let exe = dir.join("out-bin");
    let out = meshc()
        .arg("build")
        .arg(dir.join("app"))
        .arg("-o")
        .arg(&exe)
        .output()
        .expect("run meshc");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = Command::new(&exe).output().expect("run the executable");
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&run.stdout), "before\n");
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.starts_with("error: List.get: index 3 out of range"),
        "{err}"
    );
    assert!(err.contains("at Main.main ("), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn three_type_errors_in_two_files_get_three_diagnostics() {
    let dir = scratch("errors");
    write(
        &dir.join("app/main.mpl"),
        "from Util import Point, f\n\nfn main() do\n  let p = Point { x: 1 }\n  println(\"${p.z}\")\n  println(\"${f(1)}\")\nend\n",
    );
    write(
        &dir.join("app/util.mpl"),
        "pub struct Point do\n  x :: Int\nend\n\npub fn f() -> Int do\n  \"no\"\nend\n",
    );
    for cmd in ["build", "check"] {
        let out = meshc()
            .arg(cmd)
            .arg("app")
            .current_dir(&dir)
            .output()
            .expect("run meshc");
        assert_eq!(out.status.code(), Some(1), "{cmd}");
        let err = String::from_utf8_lossy(&out.stderr);
        let headers: Vec<&str> = err.lines().filter(|l| l.contains(": error[")).collect();
        assert_eq!(
            headers,
            [
                "app/main.mpl:5:16: error[E0009]: type Point has no field z",
                "app/main.mpl:6:14: error[E0003]: expected 0 argument(s), found 1",
                "app/util.mpl:6:3: error[E0001]: expected Int, found String",
            ],
            "{err}"
        );
        // Each comes with its source line and a caret.
        assert!(
            err.contains("5 |   println(\"${p.z}\")\n  |                ^"),
            "{err}"
        );
        assert!(err.contains("6 |   \"no\"\n  |   ^^^^"), "{err}");
        assert!(
            err.ends_with("error: could not compile: 3 errors found\n"),
            "{err}"
        );
    }
    assert!(
        !dir.join("app/app").exists(),
        "no executable is written on errors"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_main_file_is_explained() {
    let dir = scratch("nomain");
    write(&dir.join("lib.mpl"), "pub fn f() = 1\n");
    let out = meshc().arg("build").arg(&dir).output().expect("run meshc");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("No 'main.mpl' found in"));
    let _ = std::fs::remove_dir_all(&dir);
}
