/* sp-meeting-plan.h — the meeting plan (会议经营计划): a cadence and a time per meeting type,
 * and the year's meetings generated from it on the workspace's working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-calendar.h"
#include "sp-meeting.h"
#include "sp-store.h"

G_BEGIN_DECLS

typedef enum
{
  SP_MEETING_CADENCE_DAILY,        /* every working day */
  SP_MEETING_CADENCE_WEEKLY,       /* on a weekday */
  SP_MEETING_CADENCE_MONTHLY,      /* on a day of the month, or its first working day */
  SP_MEETING_CADENCE_QUARTERLY,    /* at the end or start of each fiscal quarter */
  SP_MEETING_CADENCE_HALF_YEARLY,  /* … of each fiscal half-year */
  SP_MEETING_CADENCE_YEARLY,       /* … of the fiscal year */
} SpMeetingCadence;

#define SP_MEETING_N_CADENCES 6

/* One line of the plan. */
typedef struct
{
  gint64           id;         /* 0 for a line not saved yet */
  SpMeetingKind    kind;
  SpMeetingCadence cadence;
  GDateWeekday     weekday;    /* WEEKLY: the day (1 Monday … 7 Sunday) */
  guint            month_day;  /* MONTHLY: 1..31 (clamped to the month's last day), 0 = the
                                * month's first working day */
  gboolean         at_end;     /* QUARTERLY … YEARLY: the period's last working day, else its
                                * first */
  guint            hour;       /* 0..23 */
  guint            minute;     /* 0..59 */
} SpMeetingSchedule;

/* A meeting the plan puts on a day. */
typedef struct
{
  GDate                 day;
  guint                 hour;
  guint                 minute;
  SpMeetingKind         kind;
  SpMeetingReviewPeriod review_period;  /* for a QUARTERLY … YEARLY line */
} SpMeetingOccurrence;

/* Stable keys "daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly". */
const char  *sp_meeting_cadence_to_string   (SpMeetingCadence  cadence);
gboolean     sp_meeting_cadence_from_string (const char       *text,
                                             SpMeetingCadence *cadence);
const char  *sp_meeting_cadence_get_name    (SpMeetingCadence  cadence);

/* The usual plan of the method: morning 08:30 and evening 18:00 every working day, weekly
 * on Monday 09:00, monthly on the first working day 14:00, the reviews at the end of each
 * quarter, half-year and year 14:00, none for the motivation meetings (held when needed).
 * @n gets the number of lines. */
const SpMeetingSchedule *sp_meeting_plan_get_defaults (guint *n);

/* The workspace's plan, by kind then cadence: a GArray of SpMeetingSchedule. */
GArray      *sp_meeting_plan_list           (SpStore                 *store,
                                             GError                 **error);
/* Saves a line (an undoable edit, "Edit meeting plan"): a kind has at most one line per
 * cadence, so a line with the kind and cadence of an existing one replaces it. Checks the
 * weekday, day and time. Returns the line's id or 0 with @error. */
gint64       sp_meeting_plan_set            (SpStore                 *store,
                                             const SpMeetingSchedule *schedule,
                                             GError                 **error);
gboolean     sp_meeting_plan_remove         (SpStore                 *store,
                                             gint64                   id,
                                             GError                 **error);

/* The meetings @schedules put into fiscal year @fiscal_year of @calendar, by day, time,
 * then kind (an array of SpMeetingOccurrence):
 *   DAILY: every working day.
 *   WEEKLY: the weekday of each week; when that day is not a working day, the next working
 *     day of the same week, else none that week.
 *   MONTHLY: the day of each fiscal month (0: its first working day; a day past the month's
 *     end is its last day); when not a working day, the next working day of the month, else
 *     the previous one.
 *   QUARTERLY, HALF_YEARLY, YEARLY: the last (at_end) or first working day of each fiscal
 *     quarter, half-year or year. When reviews of the same kind fall on the same day, only the
 *     longest period's is kept (the annual review replaces the fourth quarter's).
 * Only days inside the fiscal year are returned. */
GArray      *sp_meeting_plan_occurrences    (const SpMeetingSchedule *schedules,
                                             guint                    n_schedules,
                                             const SpCalendar        *calendar,
                                             int                      fiscal_year);

/* Adds the meetings of the workspace's plan for @fiscal_year (with the calendar of the
 * workspace preferences) that are not there yet (a meeting of the same kind on the same day
 * and time), as one undoable edit ("Plan the year’s meetings"); @n_added gets how many. */
gboolean     sp_meeting_plan_generate       (SpStore                 *store,
                                             int                      fiscal_year,
                                             guint                   *n_added,
                                             GError                 **error);
/* The same with the usual plan (sp_meeting_plan_get_defaults()) when the workspace has no
 * plan of its own; the plan itself is not saved. One undoable edit. */
gboolean     sp_meeting_plan_generate_or_defaults
                                            (SpStore                 *store,
                                             int                      fiscal_year,
                                             guint                   *n_added,
                                             GError                 **error);

G_END_DECLS
