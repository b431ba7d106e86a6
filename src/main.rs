//! Parses the command line, then runs the game window or a CLI command.

use clap::Parser;
use petrograd::cli::{self, Cli};
use std::process::ExitCode;

/// The system's allocator, or mimalloc for a batch (see `allocator`).
#[global_allocator]
static ALLOCATOR: petrograd::allocator::GameAllocator = petrograd::allocator::GameAllocator;

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => petrograd::gui::run_window(),
    }
}
