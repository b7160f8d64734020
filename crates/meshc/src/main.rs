//! `meshc`: the Mesh toolchain. One binary: it builds, runs and checks Mesh programs, and a
//! copy of it with a program image appended *is* that program's standalone executable.

mod driver;
mod migrate;
mod standalone;

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "meshc",
    version,
    about = "The Mesh toolchain",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile a project directory into a standalone executable.
    Build {
        /// Project directory (must contain main.mpl).
        dir: PathBuf,
        /// Output path (default: DIR/<name of DIR>).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Print diagnostics as JSON, one object per line.
        #[arg(long)]
        json: bool,
    },
    /// Compile and run a project directory or a single .mpl file.
    Run {
        /// Project directory or .mpl file.
        path: PathBuf,
        /// Arguments passed to the program (Env.args()).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Print the compiled bytecode of the functions whose name contains FILTER.
    #[command(hide = true)]
    Disasm {
        /// Project directory or .mpl file.
        path: PathBuf,
        /// Only functions whose qualified name contains this text.
        #[arg(default_value = "Main.")]
        filter: String,
    },
    /// Run database migrations: meshc migrate [DIR] up|down|status|redo|generate NAME
    /// (DATABASE_URL names the database; `up` is the default).
    Migrate {
        /// [DIR] (default .) then the action: up | down | status | redo | generate NAME.
        words: Vec<String>,
        /// up: apply pending migrations up to this version; down: roll back to it.
        #[arg(long)]
        to: Option<i64>,
        /// down/redo: how many migrations to roll back.
        #[arg(long, default_value_t = 1)]
        step: usize,
        /// Print the SQL that would run; run nothing.
        #[arg(long)]
        dry_run: bool,
        /// Apply pending migrations older than the newest applied one.
        #[arg(long)]
        allow_out_of_order: bool,
    },
    /// Type-check a project and print its diagnostics; produce nothing.
    Check {
        /// Project directory or .mpl file.
        path: PathBuf,
        /// Print diagnostics as JSON, one object per line.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    if let Some(bytes) = standalone::embedded_image() {
        return run_image_bytes(&bytes, std::env::args().skip(1).collect());
    }
    let cli = Cli::parse();
    match cli.command {
        Command::Build { dir, output, json } => build(&dir, output, json),
        Command::Run { path, args } => match driver::compile(&path, driver::Report::default()) {
            Some(image) => run_image(image, args),
            None => ExitCode::from(1),
        },
        Command::Disasm { path, filter } => match driver::compile(&path, driver::Report::default())
        {
            Some(image) => {
                use std::io::Write;
                let stdout = std::io::stdout();
                let mut out = stdout.lock();
                for f in image.functions.iter().filter(|f| f.name.contains(&filter)) {
                    let _ = writeln!(
                        out,
                        "fn {} (arity {}, {} registers)",
                        f.name, f.arity, f.nregs
                    );
                    for (pc, ins) in f.code.iter().enumerate() {
                        let _ = writeln!(out, "  {pc:4}  {ins:?}");
                    }
                }
                ExitCode::SUCCESS
            }
            None => ExitCode::from(1),
        },
        Command::Migrate {
            words,
            to,
            step,
            dry_run,
            allow_out_of_order,
        } => match migrate::parse_words(&words) {
            Ok((dir, action)) => migrate::run(migrate::Options {
                dir,
                action,
                to,
                step,
                dry_run,
                allow_out_of_order,
            }),
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
        },
        Command::Check { path, json } => match driver::compile(&path, driver::Report { json }) {
            Some(_) => ExitCode::SUCCESS,
            None => ExitCode::from(1),
        },
    }
}

fn build(dir: &Path, output: Option<PathBuf>, json: bool) -> ExitCode {
    let Some(image) = driver::compile(dir, driver::Report { json }) else {
        return ExitCode::from(1);
    };
    let out = output.unwrap_or_else(|| default_output(dir));
    match standalone::write_executable(&image, &out) {
        Ok(()) => {
            eprintln!("  Compiled: {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// `DIR/<basename of DIR>` (`output` when DIR has no name, e.g. `.`).
fn default_output(dir: &Path) -> PathBuf {
    let name = std::fs::canonicalize(dir)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_os_string()))
        .unwrap_or_else(|| "output".into());
    dir.join(name)
}

fn run_image_bytes(bytes: &[u8], args: Vec<String>) -> ExitCode {
    match mesh_vm::Image::from_bytes(bytes) {
        Ok(image) => run_image(image, args),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn run_image(image: mesh_vm::Image, args: Vec<String>) -> ExitCode {
    let program = match mesh_vm::Program::load(image) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let code = mesh_rt::run_program(program, args);
    ExitCode::from(code.clamp(0, 255) as u8)
}
