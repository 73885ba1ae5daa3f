//! `cargo bench -p omega-ta-kernels [-- <op>,<op>…]`: ns/bar of every Rust kernel on a seeded
//! 1,000,000-bar random walk, called directly (no Node-API, no JS process around it), into outputs
//! reused across calls. Prints the minimum and the median of the timed calls; compare variants in
//! one run, as ratios (the machines are shared). The JS harness (`pnpm bench`) measures the same
//! kernels through the binding, against the npm peers.

use std::hint::black_box;
use std::time::Instant;

use omega_ta_kernels::{atr, bollinger, choppiness, dmi, ema, macd, roc, rsi, sma, zscore, DmiOut};

const BARS: usize = 1_000_000;
const CALLS: usize = 15;

/// The bars of a seeded random walk (xorshift64*): high ≥ close ≥ low around a drifting mid.
struct Bars {
    high: Vec<f64>,
    low: Vec<f64>,
    close: Vec<f64>,
}

fn random_walk(n: usize) -> Bars {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut uniform = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        // The top 53 bits as a fraction in [0, 1).
        #[allow(
            clippy::cast_precision_loss,
            reason = "53 bits fit an f64 mantissa exactly"
        )]
        let fraction =
            (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1_u64 << 53) as f64;
        fraction
    };
    let (mut high, mut low, mut close) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let mut mid = 100.0_f64;
    for _ in 0..n {
        mid += uniform() - 0.5;
        let spread = uniform() * 0.5;
        high.push(mid + spread);
        low.push(mid - spread);
        close.push(mid - spread + 2.0 * spread * uniform());
    }
    Bars { high, low, close }
}

/// Times `call` (one kernel call on `BARS` bars): 3 warm-up calls, then `CALLS` timed ones.
fn measure(op: &str, mut call: impl FnMut()) {
    for _ in 0..3 {
        call();
    }
    let mut ns_per_bar: Vec<f64> = (0..CALLS)
        .map(|_| {
            let start = Instant::now();
            call();
            #[allow(
                clippy::cast_precision_loss,
                reason = "a duration in ns, far below 2^53"
            )]
            let ns = start.elapsed().as_nanos() as f64;
            #[allow(clippy::cast_precision_loss, reason = "BARS is exact in f64")]
            let per_bar = ns / BARS as f64;
            per_bar
        })
        .collect();
    ns_per_bar.sort_by(f64::total_cmp);
    println!(
        "{op:<12} min {:>7.3} ns/bar   median {:>7.3} ns/bar",
        ns_per_bar[0],
        ns_per_bar[CALLS / 2]
    );
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument is a comma-separated list of ops.
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .flat_map(|a| a.split(',').map(str::to_owned).collect::<Vec<_>>())
        .collect();
    let run = |op: &str| wanted.is_empty() || wanted.iter().any(|w| w == op);
    let bars = random_walk(BARS);
    let (high, low, close) = (&bars.high, &bars.low, &bars.close);
    let mut out1 = vec![0.0; BARS];
    let mut out2 = vec![0.0; BARS];
    let mut out3 = vec![0.0; BARS];
    if run("ema") {
        measure("ema", || {
            ema(black_box(close), 20, &mut out1).expect("valid");
        });
    }
    if run("sma") {
        measure("sma", || {
            sma(black_box(close), 20, &mut out1).expect("valid");
        });
    }
    if run("bollinger") {
        measure("bollinger", || {
            bollinger(black_box(close), 20, 2.0, &mut out1, &mut out2, &mut out3).expect("valid");
        });
    }
    if run("rsi") {
        measure("rsi", || {
            rsi(black_box(close), 14, &mut out1).expect("valid");
        });
    }
    if run("roc") {
        measure("roc", || {
            roc(black_box(close), 10, &mut out1).expect("valid");
        });
    }
    if run("macd") {
        measure("macd", || {
            macd(black_box(close), 12, 26, 9, &mut out1, &mut out2, &mut out3).expect("valid");
        });
    }
    if run("atr") {
        measure("atr", || {
            atr(black_box(high), low, close, 14, &mut out1).expect("valid");
        });
    }
    if run("dmi") {
        measure("dmi", || {
            let mut out = DmiOut {
                plus_di: &mut out1,
                minus_di: &mut out2,
                adx: &mut out3,
            };
            dmi(black_box(high), low, close, 14, &mut out).expect("valid");
        });
    }
    if run("choppiness") {
        measure("choppiness", || {
            choppiness(black_box(high), low, close, 14, &mut out1).expect("valid");
        });
    }
    if run("zscore") {
        measure("zscore", || {
            zscore(black_box(close), 100, &mut out1).expect("valid");
        });
    }
    black_box((&out1, &out2, &out3));
}
