//! Korean: `2023년 7월 18일 (화) 오전 10시 54분 KST`, `1시간 26분`.

use super::{DurationParts, Labels, Messages};
#[cfg(feature = "timeline")]
use super::{TimelineLabels, TimelineMessages};
#[cfg(feature = "timeline")]
use crate::feed::{ImpactLevel, Status};
use crate::feed::{Kind, Severity};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};

/// The Korean vocabulary.
pub struct Ko;

const WEEKDAYS: [&str; 7] = ["월", "화", "수", "목", "금", "토", "일"];

static LABELS: Labels = Labels {
    affected: "영향 서비스",
    expected_end: "복구 예상",
    latest_update: "최근 업데이트",
    starts: "시작 예정",
    ends: "종료 예정",
    more_info: "자세히 보기",
    new_window: "새 창",
    loading: "장애 정보를 불러오는 중…",
    error_fetch: "장애 정보를 불러오지 못했습니다.",
    error_http: "장애 정보를 불러오지 못했습니다 (서버 응답 {status}).",
    error_feed: "장애 정보 형식이 올바르지 않습니다.",
    banner: "서비스 장애 안내",
    last_checked: "마지막 확인",
    update_failed: "업데이트 실패",
    dismiss: "배너 닫기",
    update: "업데이트",
    error_timeout: "장애 정보 서버가 응답하지 않습니다.",
    error_too_large: "장애 정보 파일이 너무 큽니다.",
    reason_network: "네트워크 오류",
    reason_timeout: "응답 시간 초과",
    reason_http: "서버 응답 {status}",
    reason_too_large: "파일이 너무 큼",
    reason_invalid: "형식 오류",
};

#[cfg(feature = "timeline")]
static TIMELINE_LABELS: TimelineLabels = TimelineLabels {
    region: "지역",
    cause: "원인",
    publisher: "발표",
    service: "서비스",
    impact: "상태",
    start: "장애 시작",
    recovery: "복구",
    duration: "지속 시간",
    ongoing: "복구 중",
    total_duration: "총 지속 시간",
    workarounds: "이용 안내",
    updates: "공식 업데이트",
    links: "관련 링크",
    no_incidents: "현재 알려진 장애나 점검이 없습니다.",
    showing: ["", "–", "번째 사건 표시 중 (모두 ", "건)"],
    timeline: "장애 타임라인",
    chronology: "장애 경과",
    permalink: "이 사건으로 바로 가는 링크",
    copy_link: "링크 복사",
    copied: "링크를 복사했습니다",
    chart: "장애 시간 그래프",
    times_in: ["", " 기준"],
    between: "~",
    official_updates: "공식 발표",
};

impl Messages for Ko {
    fn severity(&self, s: Severity) -> &'static str {
        match s {
            Severity::Critical => "심각",
            Severity::Major => "주요",
            Severity::Minor => "경미",
            Severity::Info => "안내",
        }
    }

    fn kind(&self, k: Kind) -> &'static str {
        match k {
            Kind::Outage => "장애",
            Kind::Maintenance => "정기 점검",
            Kind::Notice => "공지",
        }
    }

    fn date(&self, d: NaiveDate) -> String {
        format!(
            "{}년 {}월 {}일 ({})",
            d.year(),
            d.month(),
            d.day(),
            WEEKDAYS[d.weekday().num_days_from_monday() as usize]
        )
    }

    fn time(&self, t: NaiveTime) -> String {
        let (pm, h12) = t.hour12();
        let half = if pm { "오후" } else { "오전" };
        match t.minute() {
            0 => format!("{half} {h12}시"),
            m => format!("{half} {h12}시 {m}분"),
        }
    }

    fn datetime(&self, dt: NaiveDateTime, zone: &str) -> String {
        format!("{} {} {zone}", self.date(dt.date()), self.time(dt.time()))
    }

    fn day_time(&self, dt: NaiveDateTime) -> String {
        format!("{}월 {}일 {}", dt.month(), dt.day(), self.time(dt.time()))
    }

    fn duration(&self, d: TimeDelta) -> String {
        let p = DurationParts::of(d);
        if p.is_zero() {
            return "1분 미만".into();
        }
        p.spell(["일", "시간", "분"])
    }

    fn lasting(&self, d: TimeDelta) -> String {
        if DurationParts::of(d).is_zero() {
            return "방금 시작".into();
        }
        format!("{}째", self.duration(d))
    }

    fn more(&self, n: usize) -> String {
        format!("외 {n}건")
    }

    fn more_services(&self, n: usize) -> String {
        format!("외 {}개", super::thousands(n))
    }

    fn skipped(&self, n: usize) -> String {
        format!("{}건의 항목을 표시하지 못했습니다", super::thousands(n))
    }

    fn ago(&self, d: TimeDelta) -> String {
        if d.num_minutes() < 1 {
            return "방금".into();
        }
        let p = DurationParts::of(d);
        match (p.days, p.hours) {
            (0, 0) => format!("{}분 전", p.minutes),
            (0, h) => format!("{h}시간 전"),
            (days, _) => format!("{days}일 전"),
        }
    }

    fn labels(&self) -> &'static Labels {
        &LABELS
    }
}

#[cfg(feature = "timeline")]
impl TimelineMessages for Ko {
    fn status(&self, s: Status) -> &'static str {
        match s {
            Status::Investigating => "원인 조사 중",
            Status::Identified => "원인 파악",
            Status::Monitoring => "복구 후 모니터링",
            Status::Resolved => "복구 완료",
            Status::Scheduled => "점검 예정",
            Status::InProgress => "점검 중",
            Status::Completed => "점검 완료",
            Status::Other => "상태 미상",
        }
    }

    fn impact(&self, i: ImpactLevel) -> &'static str {
        match i {
            ImpactLevel::Down => "접속 불가",
            ImpactLevel::Partial => "일부 장애",
            ImpactLevel::Degraded => "성능 저하",
            ImpactLevel::Maintenance => "점검 중",
        }
    }

    fn recurrence(&self, nth: usize, days: i64) -> String {
        format!("지난 {days}일 동안 {nth}번째 장애")
    }

    fn show_more(&self, remaining: usize) -> String {
        format!("더 보기 ({}건 남음)", super::thousands(remaining))
    }

    fn show_newer(&self, hidden: usize) -> String {
        format!("최근 사건 보기 ({}건 남음)", super::thousands(hidden))
    }

    fn not_shown(&self, hidden: usize) -> String {
        format!("{}건 더 있음 (표시하지 않음)", super::thousands(hidden))
    }

    fn axis_time(&self, t: NaiveTime) -> String {
        match t.minute() {
            0 => format!("{}시", t.hour()),
            m => format!("{:02}:{m:02}", t.hour()),
        }
    }

    fn axis_day(&self, d: NaiveDate) -> String {
        format!("{}월 {}일", d.month(), d.day())
    }

    fn labels(&self) -> &'static TimelineLabels {
        &TIMELINE_LABELS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn datetime_reads_like_a_korean_news_report() {
        assert_eq!(
            Ko.datetime(dt("2023-07-18 10:54"), "KST"),
            "2023년 7월 18일 (화) 오전 10시 54분 KST"
        );
    }

    #[test]
    fn noon_and_midnight_and_whole_hours() {
        assert_eq!(Ko.time(dt("2023-07-18 12:20").time()), "오후 12시 20분");
        assert_eq!(Ko.time(dt("2023-07-18 00:05").time()), "오전 12시 5분");
        assert_eq!(Ko.time(dt("2023-11-18 09:00").time()), "오전 9시");
        assert_eq!(Ko.time(dt("2023-11-17 13:55").time()), "오후 1시 55분");
    }

    #[test]
    fn durations_from_the_seeds() {
        assert_eq!(Ko.duration(TimeDelta::minutes(86)), "1시간 26분");
        assert_eq!(Ko.duration(TimeDelta::minutes(162)), "2시간 42분");
        assert_eq!(
            Ko.duration(TimeDelta::minutes(3 * 1440 + 120 + 7)),
            "3일 2시간"
        );
        assert_eq!(Ko.duration(TimeDelta::minutes(45)), "45분");
        assert_eq!(Ko.duration(TimeDelta::hours(2)), "2시간");
        assert_eq!(Ko.duration(TimeDelta::seconds(30)), "1분 미만");
        assert_eq!(Ko.lasting(TimeDelta::minutes(162)), "2시간 42분째");
    }

    #[test]
    fn recurrence_and_more() {
        assert_eq!(Ko.recurrence(2, 90), "지난 90일 동안 2번째 장애");
        assert_eq!(Ko.more(3), "외 3건");
        assert_eq!(Ko.ago(TimeDelta::seconds(20)), "방금");
        assert_eq!(Ko.ago(TimeDelta::minutes(3)), "3분 전");
        assert_eq!(Ko.ago(TimeDelta::minutes(150)), "2시간 전");
        assert_eq!(Ko.ago(TimeDelta::hours(50)), "2일 전");
    }
}
