/* sp-calendar.h — the fiscal calendar: fiscal years, quarters, months, ISO weeks, working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Working-day mask: bit (weekday - 1) for GDateWeekday G_DATE_MONDAY (1) … G_DATE_SUNDAY (7). */
#define SP_WEEKDAY_BIT(wd) (1u << ((wd) - 1))
#define SP_WORKING_DAYS_MON_FRI 0x1f

typedef struct _SpCalendar SpCalendar;

/* A fiscal year is named after the calendar year in which it starts: with a start month of
 * April, fiscal year 2026 runs from 2026-04-01 to 2027-03-31. */
SpCalendar   *sp_calendar_new                 (GDateMonth         start_month);
SpCalendar   *sp_calendar_copy                (const SpCalendar  *self);
void          sp_calendar_free                (SpCalendar        *self);

GDateMonth    sp_calendar_get_start_month     (const SpCalendar  *self);
void          sp_calendar_set_start_month     (SpCalendar        *self,
                                               GDateMonth         start_month);
GDateWeekday  sp_calendar_get_week_start      (const SpCalendar  *self);
void          sp_calendar_set_week_start      (SpCalendar        *self,
                                               GDateWeekday       week_start);
guint         sp_calendar_get_working_days    (const SpCalendar  *self);
void          sp_calendar_set_working_days    (SpCalendar        *self,
                                               guint              mask);
/* Holidays are whole days that are not worked even if their weekday is. */
void          sp_calendar_add_holiday         (SpCalendar        *self,
                                               const GDate       *date);
void          sp_calendar_remove_holiday      (SpCalendar        *self,
                                               const GDate       *date);
void          sp_calendar_clear_holidays      (SpCalendar        *self);
gboolean      sp_calendar_is_holiday          (const SpCalendar  *self,
                                               const GDate       *date);
/* Sorted Julian day numbers of the holidays (owned by the calendar). */
const GArray *sp_calendar_get_holidays        (const SpCalendar  *self);

int           sp_calendar_fiscal_year_of      (const SpCalendar  *self,
                                               const GDate       *date);
void          sp_calendar_fiscal_year_range   (const SpCalendar  *self,
                                               int                fiscal_year,
                                               GDate             *first,
                                               GDate             *last);
/* @index: 0..11, the n-th month of the fiscal year. */
void          sp_calendar_month_range         (const SpCalendar  *self,
                                               int                fiscal_year,
                                               guint              index,
                                               GDate             *first,
                                               GDate             *last);
/* Index 0..11 of @date's month within its fiscal year. */
guint         sp_calendar_fiscal_month_index  (const SpCalendar  *self,
                                               const GDate       *date);
/* Quarter 0..3 of a fiscal month index. */
static inline guint sp_calendar_quarter_of_month (guint month_index) { return month_index / 3; }
void          sp_calendar_quarter_range       (const SpCalendar  *self,
                                               int                fiscal_year,
                                               guint              quarter,
                                               GDate             *first,
                                               GDate             *last);

/* ISO 8601 week number of @date and the ISO year it belongs to (may differ from the date's
 * year around 1 January). */
guint         sp_calendar_iso_week            (const GDate       *date,
                                               int               *iso_year);
/* First day of the week (per the week start) containing @date. */
void          sp_calendar_week_start_of       (const SpCalendar  *self,
                                               const GDate       *date,
                                               GDate             *out);
/* The first days of every week that has at least one day inside the fiscal year, as
 * Julian day numbers. Weeks at the edges straddle the year's bounds. */
GArray       *sp_calendar_weeks_of_fiscal_year(const SpCalendar  *self,
                                               int                fiscal_year);

gboolean      sp_calendar_is_working_day      (const SpCalendar  *self,
                                               const GDate       *date);
/* Working days from @first to @last inclusive (0 if last < first). */
guint         sp_calendar_count_working_days  (const SpCalendar  *self,
                                               const GDate       *first,
                                               const GDate       *last);

/* ISO-8601 "YYYY-MM-DD" parsing and formatting; parse is strict (valid calendar date). */
gboolean      sp_date_parse_iso               (const char        *text,
                                               GDate             *out);
char         *sp_date_format_iso              (const GDate       *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCalendar, sp_calendar_free)

G_END_DECLS
