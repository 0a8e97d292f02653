/* sp-meeting-agenda.h — the data each meeting needs, computed live from the workspace with the
 * same model functions as the work log, workload, funnel and dashboard views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-calendar.h"
#include "sp-meeting.h"
#include "sp-metrics.h"
#include "sp-worklog.h"
#include "sp-worksheet.h"

G_BEGIN_DECLS

/* One rep's day (morning: the previous working day; evening: the meeting's day). */
typedef struct
{
  gint64   rep_id;
  char    *rep_name;
  gint64   region_id;                        /* the rep's region that day; 0 without */
  char    *region_name;                      /* NULL without */
  gboolean logged;                           /* has a work log entry that day */
  gint64   activities[SP_WORKLOAD_N_STAGES]; /* the five activities, by SpWorkloadStage */
  gint64   orders;
  gint64   revenue;                          /* minor units */
  /* What the workload formula asks per working day in the day's fiscal month (as the
   * Workload view computes it: the plan's target for the rep, rates from the last 90 days
   * of the work log up to the meeting's day); FALSE without a plan or usable history. */
  gboolean has_required;
  gint64   required[SP_WORKLOAD_N_STAGES];
  /* Activities below the requirement: morning, the day's counts against one day's
   * requirement; evening, the month to the day against the working days so far (as the
   * team day grid flags them). A mask of SP_WORKLOG_STAGE_BIT(). */
  guint    below;
  /* Morning only: today's requirement (the meeting day's month). */
  gboolean has_required_today;
  gint64   required_today[SP_WORKLOAD_N_STAGES];
  /* Morning: the plan the rep wrote for today in their latest earlier entry ("" when they
   * wrote none); evening: the day's 遇到的问题, 需要的帮助 and 明日计划. Never NULL. */
  char    *problems;
  char    *help_needed;
  char    *plan;
} SpAgendaRepDay;

/* A line of totals (a rep's or a region's). */
typedef struct
{
  gint64            id;     /* rep or region id; 0: reps without a region */
  char             *name;
  SpWorklogSummary  summary;
} SpAgendaTotal;

/* A place in a ranking (战报) by attainment; ties by amount then name. Reps or regions
 * without a target come last, by amount. */
typedef struct
{
  guint   rank;      /* 1-based; equal attainment and amount share a rank */
  gint64  id;        /* rep or region id */
  char   *name;
  gint64  actual;    /* work log revenue of the period */
  gint64  target;
  SpRate  attainment;
} SpAgendaRank;

/* An opportunity in the funnel movement or the sharing case. */
typedef struct
{
  gint64  opportunity_id;
  char   *title;
  char   *rep_name;     /* NULL without a rep */
  char   *stage;        /* its current stage */
  gint64  amount;
  char   *lost_reason;  /* "" unless lost */
  GDate   day;          /* created (new), advanced, won or lost on */
} SpAgendaDeal;

/* Lost reasons (输单原因) or products, with a count and an amount. */
typedef struct
{
  char   *name;        /* the reason as typed ("" when none was given) or the product */
  gint64  count;
  gint64  amount;
  gint64  target;      /* products: the plan's month cells of the product in the period;
                        * else 0 */
} SpAgendaCount;

/* A period's target against its result (the team's). */
typedef struct
{
  GDate               first;
  GDate               last;
  SpMetricsAttainment attainment;
} SpAgendaPeriod;

/* An OGSMT goal or measure (目标, 测量) of the fiscal year's plan, for the reviews. */
typedef struct
{
  SpOgsmtKind  kind;          /* SP_OGSMT_GOAL or SP_OGSMT_MEASURE */
  char        *text;
  gboolean     has_target;
  gint64       target_value;  /* goals: minor units, compared with year_actual */
  GDate        deadline;      /* invalid when none */
  gboolean     due;           /* its deadline is on or before the period's last day */
} SpAgendaMeasure;

typedef struct
{
  SpMeetingKind          kind;
  SpMeetingReviewPeriod  review_period;
  GDate                  day;            /* the meeting's day */
  /* What the meeting looks at: morning, the previous working day; evening, the day; weekly,
   * monthly and reviews, the week, fiscal month, quarter, half-year or year it closes (see
   * sp_meeting_agenda_get_period()). */
  GDate                  first;
  GDate                  last;

  /* Morning and evening: every rep employed that day or with an entry, by region then name
   * (SpAgendaRepDay). */
  GPtrArray             *reps;

  /* Weekly: totals per rep and per region (SpAgendaTotal, by name). */
  GPtrArray             *rep_totals;
  GPtrArray             *region_totals;
  /* Weekly, monthly, reviews: the rankings (SpAgendaRank). */
  GPtrArray             *rep_ranking;
  GPtrArray             *region_ranking;
  /* Weekly: the funnel movement of the period (SpAgendaDeal, by day then id). */
  GPtrArray             *new_deals;
  GPtrArray             *advanced_deals;
  GPtrArray             *won_deals;
  GPtrArray             *lost_deals;

  /* Monthly: the six key success factors of the month and of the month before. */
  SpMetricsKpis          kpis;
  SpMetricsKpis          previous_kpis;
  /* Monthly: the burn-up, the work log's revenue per day of the month with running totals
   * (SpMetricsPoint, as the dashboard draws it). */
  GArray                *burn_up;
  /* Monthly and reviews: lost reasons of the period (SpAgendaCount, most frequent first). */
  GPtrArray             *lost_reasons;
  /* Monthly and reviews: the team's attainment of the period; the fiscal year's target, its
   * result from the year's start to the period's end, and the gap (never below 0). */
  SpMetricsAttainment    team;
  gint64                 year_target;
  gint64                 year_actual;
  gint64                 year_gap;

  /* Reviews: each fiscal month of the period (SpAgendaPeriod) and, per product, the amount
   * won against the product's target (SpAgendaCount, by amount won, then target; products
   * with a target and nothing won are listed too; "" for deals without a product). */
  GPtrArray             *months;
  GPtrArray             *products;
  /* Reviews: the goals and measures of the fiscal year's plan (SpAgendaMeasure, goals
   * first, in the worksheet's order). */
  GPtrArray             *measures;

  /* Sharing: the case, when the meeting names a won opportunity (else NULL). */
  SpAgendaDeal          *case_deal;

  /* Every kind: the open action items (SpActionItem): for a meeting, those carried from
   * earlier meetings; without one, every open item. */
  GListModel            *open_actions;
} SpMeetingAgenda;

/* The period a meeting of @kind on @day looks at: morning, the last working day before @day
 * (or the day before without one in 31 days); evening and the motivation meetings, @day;
 * weekly (week from the workspace's week start), monthly (fiscal month) and reviews (fiscal
 * quarter, half-year, year): the period containing @day when @day lies in its second half,
 * else the period before (a Monday weekly meeting reviews last week, a Friday one this
 * week). */
void             sp_meeting_agenda_get_period  (const SpCalendar       *calendar,
                                                SpMeetingKind           kind,
                                                SpMeetingReviewPeriod   period,
                                                const GDate            *day,
                                                GDate                  *first,
                                                GDate                  *last);

/* The agenda data of a meeting of @kind on @day. */
SpMeetingAgenda *sp_meeting_agenda_compute     (SpStore                *store,
                                                SpMeetingKind           kind,
                                                SpMeetingReviewPeriod   period,
                                                const GDate            *day,
                                                GError                **error);
/* The same for meeting @meeting_id, with its carried action items and its case. */
SpMeetingAgenda *sp_meeting_agenda_for_meeting (SpStore                *store,
                                                gint64                  meeting_id,
                                                GError                **error);
void             sp_meeting_agenda_free        (SpMeetingAgenda        *agenda);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpMeetingAgenda, sp_meeting_agenda_free)

G_END_DECLS
