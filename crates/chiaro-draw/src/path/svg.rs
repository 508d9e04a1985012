//! SVG path data (the `d` attribute): parsing into a [`Path`] and writing one out.
//!
//! The parser takes the whole grammar of SVG 1.1 §8.3 (unchanged in SVG 2): the
//! commands `M m L l H h V v C c S s Q q T t A a Z z`; repeated argument groups
//! without repeating the command letter (extra pairs after `M`/`m` are `L`/`l`);
//! numbers with signs, decimals and exponents, packed without separators where the
//! grammar allows (`M.5.5-1e2`, arc flags as in `a1 1 0 00.5.5`); whitespace
//! (space, tab, CR, LF, form feed) and single commas between arguments.
//!
//! Where SVG would render the path up to the first error, [`Path::from_svg`] returns
//! an [`SvgError`] naming the byte where parsing stopped. It never panics and its work
//! is linear in the input's length.

use alloc::string::String;
use core::fmt;

use super::arc::{self, SvgArc};
use super::{Path, PathBuilder, PathEl};
use crate::geom::Point;

/// Why [`Path::from_svg`] rejected its input, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SvgError {
    /// Byte offset in the input where the problem was found: the offending
    /// character, the input's length when it ended early, or — for
    /// [`SvgErrorKind::NonFinite`] — the first byte of the number that overflowed, or
    /// of the first argument of the command whose computed point did.
    pub position: usize,
    /// What was wrong.
    pub kind: SvgErrorKind,
}

/// What was wrong with SVG path data; see [`SvgError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SvgErrorKind {
    /// Non-empty path data must begin with a moveto (`M` or `m`).
    ExpectedMoveTo,
    /// A command letter was expected: something other than a command, or an
    /// argument where none may follow (after `Z`).
    ExpectedCommand,
    /// A number was expected: a command lacks arguments, the input ends mid-command,
    /// a comma is not followed by a number, or a sign or `.` has no digits.
    ExpectedNumber,
    /// An arc's large-arc or sweep flag was not `0` or `1`.
    ExpectedFlag,
    /// A number is beyond `f32`'s range (such as `1e39`), or a relative coordinate
    /// or reflected control point adds up to one that is, or an arc scaled to reach
    /// its end point leaves that range.
    NonFinite,
}

impl fmt::Display for SvgErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SvgErrorKind::ExpectedMoveTo => "path data must begin with 'M' or 'm'",
            SvgErrorKind::ExpectedCommand => "expected a path command",
            SvgErrorKind::ExpectedNumber => "expected a number",
            SvgErrorKind::ExpectedFlag => "expected an arc flag ('0' or '1')",
            SvgErrorKind::NonFinite => "coordinate out of f32 range",
        })
    }
}

impl fmt::Display for SvgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid SVG path data at byte {}: {}",
            self.position, self.kind
        )
    }
}

impl core::error::Error for SvgError {}

/// SVG's whitespace: space, tab, LF, form feed, CR.
#[inline]
fn is_wsp(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0C' | b'\r')
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline]
    fn err(&self, kind: SvgErrorKind) -> SvgError {
        SvgError {
            position: self.pos,
            kind,
        }
    }

    fn skip_wsp(&mut self) {
        while self.peek().is_some_and(is_wsp) {
            self.pos += 1;
        }
    }

    /// Skips `wsp* ("," wsp*)?`; says whether there was a comma.
    fn skip_comma_wsp(&mut self) -> bool {
        self.skip_wsp();
        if self.peek() == Some(b',') {
            self.pos += 1;
            self.skip_wsp();
            true
        } else {
            false
        }
    }

    /// Whether a number may start here.
    #[inline]
    fn at_number(&self) -> bool {
        matches!(self.peek(), Some(b'0'..=b'9' | b'+' | b'-' | b'.'))
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// A number, as SVG's `number` production: `sign? (digits ("." digits?)? |
    /// "." digits) exponent?`, where the exponent is taken only when digits follow
    /// the `e` (and its sign).
    fn number(&mut self) -> Result<f32, SvgError> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let mut count = self.digits();
        if self.peek() == Some(b'.') {
            self.pos += 1;
            count += self.digits();
        }
        if count == 0 {
            self.pos = start;
            return Err(self.err(SvgErrorKind::ExpectedNumber));
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let mut j = self.pos + 1;
            if matches!(self.bytes.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if self.bytes.get(j).is_some_and(u8::is_ascii_digit) {
                self.pos = j;
                self.digits();
            }
        }
        let value = self
            .text
            .get(start..self.pos)
            .and_then(|s| s.parse::<f32>().ok());
        match value {
            Some(v) if v.is_finite() => Ok(v),
            Some(_) => Err(SvgError {
                position: start,
                kind: SvgErrorKind::NonFinite,
            }),
            // Unreachable for the ASCII scanned above; an error rather than a panic.
            None => Err(SvgError {
                position: start,
                kind: SvgErrorKind::ExpectedNumber,
            }),
        }
    }

    /// A number after an optional comma and whitespace.
    fn next_number(&mut self) -> Result<f32, SvgError> {
        self.skip_comma_wsp();
        self.number()
    }

    /// An arc flag after an optional comma and whitespace.
    fn next_flag(&mut self) -> Result<bool, SvgError> {
        self.skip_comma_wsp();
        let flag = match self.peek() {
            Some(b'0') => false,
            Some(b'1') => true,
            _ => return Err(self.err(SvgErrorKind::ExpectedFlag)),
        };
        self.pos += 1;
        Ok(flag)
    }
}

/// The drawing state SVG path data threads through its commands.
struct State {
    /// The current point.
    cur: Point,
    /// The current subpath's start.
    start: Point,
    /// The second control point of the previous command when it was `C` or `S`.
    last_cubic: Option<Point>,
    /// The control point of the previous command when it was `Q` or `T`.
    last_quad: Option<Point>,
}

/// Runs one argument group of `cmd` (a command letter other than `Z`), reading its
/// arguments from `p` starting at the group's first number (at `at`).
fn run_group(
    cmd: u8,
    p: &mut Parser<'_>,
    pb: &mut PathBuilder,
    st: &mut State,
) -> Result<(), SvgError> {
    let at = p.pos;
    let rel = cmd.is_ascii_lowercase();
    let cur = st.cur;
    let non_finite = SvgError {
        position: at,
        kind: SvgErrorKind::NonFinite,
    };
    let check = |q: Point| {
        if q.is_finite() {
            Ok(q)
        } else {
            Err(non_finite)
        }
    };
    let point = |x: f32, y: f32| {
        check(if rel {
            Point::new(cur.x + x, cur.y + y)
        } else {
            Point::new(x, y)
        })
    };
    let reflect = |c: Option<Point>| check(c.map_or(cur, |c| cur + (cur - c)));
    let (mut last_cubic, mut last_quad) = (None, None);
    let end = match cmd.to_ascii_uppercase() {
        b'M' => {
            let x = p.number()?;
            let q = point(x, p.next_number()?)?;
            pb.move_to(q.x, q.y);
            st.start = q;
            q
        }
        b'L' => {
            let x = p.number()?;
            let q = point(x, p.next_number()?)?;
            pb.line_to(q.x, q.y);
            q
        }
        b'H' => {
            let x = p.number()?;
            let q = check(Point::new(if rel { cur.x + x } else { x }, cur.y))?;
            pb.line_to(q.x, q.y);
            q
        }
        b'V' => {
            let y = p.number()?;
            let q = check(Point::new(cur.x, if rel { cur.y + y } else { y }))?;
            pb.line_to(q.x, q.y);
            q
        }
        b'C' | b'S' => {
            let c1 = if cmd.eq_ignore_ascii_case(&b'C') {
                let x = p.number()?;
                point(x, p.next_number()?)?
            } else {
                reflect(st.last_cubic)?
            };
            let x = if cmd.eq_ignore_ascii_case(&b'C') {
                p.next_number()?
            } else {
                p.number()?
            };
            let c2 = point(x, p.next_number()?)?;
            let q = point(p.next_number()?, p.next_number()?)?;
            pb.cubic_to(c1.x, c1.y, c2.x, c2.y, q.x, q.y);
            last_cubic = Some(c2);
            q
        }
        b'Q' => {
            let x = p.number()?;
            let c = point(x, p.next_number()?)?;
            let q = point(p.next_number()?, p.next_number()?)?;
            pb.quad_to(c.x, c.y, q.x, q.y);
            last_quad = Some(c);
            q
        }
        b'T' => {
            let x = p.number()?;
            let q = point(x, p.next_number()?)?;
            let c = reflect(st.last_quad)?;
            pb.quad_to(c.x, c.y, q.x, q.y);
            last_quad = Some(c);
            q
        }
        b'A' => {
            let rx = p.number()?;
            let ry = p.next_number()?;
            // Degrees, reduced exactly before conversion so 90 and 450 agree.
            let rotation = (p.next_number()? % 360.0).to_radians();
            let large = p.next_flag()?;
            let sweep = p.next_flag()?;
            let q = point(p.next_number()?, p.next_number()?)?;
            match arc::svg_arc(cur, rx, ry, rotation, large, sweep, q) {
                SvgArc::Omit => {}
                SvgArc::Line => {
                    pb.line_to(q.x, q.y);
                }
                SvgArc::Arc(a) => {
                    let cubics = a.cubics();
                    if !cubics.is_finite() {
                        return Err(non_finite);
                    }
                    arc::push_svg_arc(pb, &cubics, q);
                }
            }
            q
        }
        _ => {
            return Err(SvgError {
                position: at,
                kind: SvgErrorKind::ExpectedCommand,
            });
        }
    };
    st.cur = end;
    st.last_cubic = last_cubic;
    st.last_quad = last_quad;
    Ok(())
}

fn is_command(b: u8) -> bool {
    matches!(
        b.to_ascii_uppercase(),
        b'M' | b'L' | b'H' | b'V' | b'C' | b'S' | b'Q' | b'T' | b'A' | b'Z'
    )
}

/// Writes `v` so that parsing it gives back the same `f32`: the shortest such
/// decimal, in exponent form beyond `[1e-5, 1e16)`.
fn write_number(out: &mut impl fmt::Write, v: f32) -> fmt::Result {
    let a = v.abs();
    if v == 0.0 {
        out.write_char('0')
    } else if (1e-5..1e16).contains(&a) {
        write!(out, "{v}")
    } else {
        write!(out, "{v:e}")
    }
}

fn write_point(out: &mut impl fmt::Write, p: Point) -> fmt::Result {
    write_number(out, p.x)?;
    out.write_char(' ')?;
    write_number(out, p.y)
}

/// SVG path data.
impl Path {
    /// Parses SVG path data (the `d` attribute) into a path. Empty or all-whitespace
    /// input gives the empty path.
    ///
    /// The whole grammar of SVG 1.1 §8.3 (unchanged in SVG 2) is accepted: the
    /// commands `M m L l H h V v C c S s Q q T t A a Z z`; repeated argument groups
    /// without repeating the command letter (extra pairs after `M`/`m` are `L`/`l`);
    /// numbers with signs, decimals and exponents, packed without separators where
    /// the grammar allows (`M.5.5-1e2`, arc flags as in `a1 1 0 00.5.5`); whitespace
    /// (space, tab, CR, LF, form feed) and single commas between arguments. Where
    /// SVG would render the path up to the first error, this returns the error.
    /// Never panics; the work is linear in the input's length. Arcs become cubic Béziers as
    /// [`PathBuilder::svg_arc_to`] makes them; `Z` and the subpath that follows it
    /// behave as SVG says (the next subpath starts at the closed one's start unless
    /// it begins with a moveto).
    ///
    /// Coordinates are parsed as correctly rounded `f32`s, and relative ones are
    /// added up in `f32`, as in a renderer working in single precision.
    ///
    /// # Errors
    ///
    /// An [`SvgError`] with the byte offset of the first problem: see
    /// [`SvgErrorKind`] for what is rejected.
    ///
    /// # Example
    ///
    /// ```
    /// use chiaro_draw::path::{SvgErrorKind, Verb};
    /// use chiaro_draw::{Path, Point};
    ///
    /// let p = Path::from_svg("M10 10 h80 v80 h-80 z").unwrap();
    /// assert_eq!(p.verbs().last(), Some(&Verb::Close));
    /// assert_eq!(p.points()[2], Point::new(90.0, 90.0));
    /// assert_eq!(p.to_svg(), "M10 10 L90 10 L90 90 L10 90 Z");
    ///
    /// let e = Path::from_svg("M10 10 L20").unwrap_err();
    /// assert_eq!((e.position, e.kind), (10, SvgErrorKind::ExpectedNumber));
    /// ```
    pub fn from_svg(data: &str) -> Result<Path, SvgError> {
        let mut p = Parser::new(data);
        let mut pb = PathBuilder::new();
        let mut st = State {
            cur: Point::ZERO,
            start: Point::ZERO,
            last_cubic: None,
            last_quad: None,
        };
        p.skip_wsp();
        match p.peek() {
            None => return Ok(Path::new()),
            Some(b'M' | b'm') => {}
            Some(_) => return Err(p.err(SvgErrorKind::ExpectedMoveTo)),
        }
        loop {
            p.skip_wsp();
            let Some(b) = p.peek() else { break };
            if !is_command(b) {
                return Err(p.err(SvgErrorKind::ExpectedCommand));
            }
            p.pos += 1;
            if b.eq_ignore_ascii_case(&b'Z') {
                pb.close();
                st.cur = st.start;
                st.last_cubic = None;
                st.last_quad = None;
                continue;
            }
            p.skip_wsp();
            let mut cmd = b;
            loop {
                run_group(cmd, &mut p, &mut pb, &mut st)?;
                let comma = p.skip_comma_wsp();
                if p.at_number() {
                    // Pairs after a moveto are linetos.
                    match cmd {
                        b'M' => cmd = b'L',
                        b'm' => cmd = b'l',
                        _ => {}
                    }
                } else if comma {
                    return Err(p.err(SvgErrorKind::ExpectedNumber));
                } else {
                    break;
                }
            }
        }
        // Every point was checked finite above, so this cannot fail; map it anyway.
        pb.finish().map_err(|_| SvgError {
            position: data.len(),
            kind: SvgErrorKind::NonFinite,
        })
    }

    /// The path as SVG path data with absolute commands only (`M`, `L`, `Q`, `C`,
    /// `Z`), one space between tokens, and numbers that parse back to the same `f32`s,
    /// so `Path::from_svg(&path.to_svg())` gives back an equal path. Allocates; see
    /// [`write_svg`](Self::write_svg) to write into an existing buffer.
    pub fn to_svg(&self) -> String {
        let mut s = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_svg(&mut s);
        s
    }

    /// Writes [`to_svg`](Self::to_svg)'s output into `out`.
    ///
    /// # Errors
    ///
    /// Only those `out` returns.
    pub fn write_svg(&self, out: &mut impl fmt::Write) -> fmt::Result {
        for (i, el) in self.elements().enumerate() {
            if i > 0 {
                out.write_char(' ')?;
            }
            match el {
                PathEl::MoveTo(p) => {
                    out.write_char('M')?;
                    write_point(out, p)?;
                }
                PathEl::LineTo(p) => {
                    out.write_char('L')?;
                    write_point(out, p)?;
                }
                PathEl::QuadTo(c, p) => {
                    out.write_char('Q')?;
                    write_point(out, c)?;
                    out.write_char(' ')?;
                    write_point(out, p)?;
                }
                PathEl::CubicTo(c1, c2, p) => {
                    out.write_char('C')?;
                    write_point(out, c1)?;
                    out.write_char(' ')?;
                    write_point(out, c2)?;
                    out.write_char(' ')?;
                    write_point(out, p)?;
                }
                PathEl::Close => out.write_char('Z')?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &str) -> (usize, SvgErrorKind) {
        let e = Path::from_svg(s).unwrap_err();
        (e.position, e.kind)
    }

    #[test]
    fn numbers_scan_as_svg_says() {
        let mut p = Parser::new("-.5e-3.25e2 1e 1.e1");
        assert_eq!(p.number(), Ok(-0.0005));
        assert_eq!(p.number(), Ok(25.0));
        p.skip_wsp();
        assert_eq!(p.number(), Ok(1.0));
        assert_eq!(p.peek(), Some(b'e'));
        p.pos += 2;
        assert_eq!(p.number(), Ok(10.0));
        let mut p = Parser::new("-x");
        assert_eq!(p.number().unwrap_err().position, 0);
        let mut p = Parser::new("1e999");
        assert_eq!(p.number().unwrap_err().kind, SvgErrorKind::NonFinite);
    }

    #[test]
    fn error_positions() {
        assert_eq!(err("L1 2"), (0, SvgErrorKind::ExpectedMoveTo));
        assert_eq!(err("M1"), (2, SvgErrorKind::ExpectedNumber));
        assert_eq!(err("M1 2,"), (5, SvgErrorKind::ExpectedNumber));
        assert_eq!(err("M1 2 Z 3"), (7, SvgErrorKind::ExpectedCommand));
        assert_eq!(err("M1 2 X"), (5, SvgErrorKind::ExpectedCommand));
        assert_eq!(err("M0 0 A1 1 0 2 0 1 1"), (12, SvgErrorKind::ExpectedFlag));
        assert_eq!(err("M0 0 l3e38 0 3e38 0"), (13, SvgErrorKind::NonFinite));
        assert_eq!(err("M,1 2"), (1, SvgErrorKind::ExpectedNumber));
    }
}
