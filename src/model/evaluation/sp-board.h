/* sp-board.h — ranking boards (战报) and good-news events (喜报), DOMAIN.md §9
 *
 * A board ranks the reps, or the regions (teams), of one period by attainment (达成率 =
 * actual / target, the work log's revenue against the plan's target as in sp-metrics.h);
 * ties go by actual, then by name; entries without a target come last (by actual, then
 * name). Equal attainment and actual share a rank (1, 2, 2, 4). The star (优秀人物) marks
 * the entries ranked 1 when their actual is above 0: an empty period has no star.
 *
 * The periods: the week containing a day, starting on the workspace's week start; the
 * calendar month; the quarter of the fiscal year (three months from the fiscal start month).
 * A region's actual and target are those of its reps (sp-metrics' region filter).
 *
 * Good news (喜报) for a period: every deal won in it (closed_on in the period, stage
 * outcome won) whose amount is strictly above @min_amount, dated by its close date; and
 * every rep whose running work-log revenue from the period's first day reaches the
 * period's target (> 0) on a day of the period, dated by that day. Listed by date, then
 * deals before targets, then rep name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-store.h"
#include "sp-workload.h"

G_BEGIN_DECLS

typedef enum
{
  SP_BOARD_WEEK,
  SP_BOARD_MONTH,
  SP_BOARD_QUARTER,
} SpBoardPeriod;

typedef enum
{
  SP_BOARD_REPS,
  SP_BOARD_REGIONS,
} SpBoardSubject;

typedef enum
{
  SP_GOOD_NEWS_DEAL_WON,
  SP_GOOD_NEWS_TARGET_REACHED,
} SpGoodNewsKind;

#define SP_TYPE_BOARD_ENTRY (sp_board_entry_get_type ())
G_DECLARE_FINAL_TYPE (SpBoardEntry, sp_board_entry, SP, BOARD_ENTRY, GObject)

guint        sp_board_entry_get_rank       (SpBoardEntry *self);
gint64       sp_board_entry_get_id         (SpBoardEntry *self);   /* rep or region id */
const char  *sp_board_entry_get_name       (SpBoardEntry *self);
gint64       sp_board_entry_get_actual     (SpBoardEntry *self);
gint64       sp_board_entry_get_target     (SpBoardEntry *self);
SpRate       sp_board_entry_get_attainment (SpBoardEntry *self);   /* den 0: no target */
gboolean     sp_board_entry_get_star       (SpBoardEntry *self);

#define SP_TYPE_GOOD_NEWS (sp_good_news_get_type ())
G_DECLARE_FINAL_TYPE (SpGoodNews, sp_good_news, SP, GOOD_NEWS, GObject)

SpGoodNewsKind sp_good_news_get_kind       (SpGoodNews   *self);
const char  *sp_good_news_get_day          (SpGoodNews   *self);   /* ISO date */
gint64       sp_good_news_get_rep_id       (SpGoodNews   *self);
const char  *sp_good_news_get_rep_name     (SpGoodNews   *self);
/* The deal's amount, or the period's target reached. */
gint64       sp_good_news_get_amount       (SpGoodNews   *self);
/* The deal's title, or "" for a target. */
const char  *sp_good_news_get_title        (SpGoodNews   *self);

/* Translated name ("Week", "Month", "Quarter") and key ("week", "month", "quarter"). */
const char  *sp_board_period_get_name      (SpBoardPeriod  period);
const char  *sp_board_period_to_string     (SpBoardPeriod  period);
gboolean     sp_board_period_from_string   (const char    *text,
                                            SpBoardPeriod *out);

/* The period of kind @period containing @day, with the week start and fiscal start month
 * given (see above). */
void         sp_board_period_range         (SpBoardPeriod  period,
                                            const GDate   *day,
                                            GDateWeekday   week_start,
                                            GDateMonth     fiscal_start,
                                            GDate         *from,
                                            GDate         *to);
/* Same with the workspace's preferences. */
void         sp_board_period_range_for_store (SpStore     *store,
                                            SpBoardPeriod  period,
                                            const GDate   *day,
                                            GDate         *from,
                                            GDate         *to);

/* The board of @from .. @to: a GListModel of SpBoardEntry in rank order, NULL with @error. */
GListModel  *sp_board_get                  (SpStore       *store,
                                            SpBoardSubject subject,
                                            const GDate   *from,
                                            const GDate   *to,
                                            GError       **error);

/* The good news of @from .. @to: a GListModel of SpGoodNews, NULL with @error. */
GListModel  *sp_good_news_list             (SpStore       *store,
                                            const GDate   *from,
                                            const GDate   *to,
                                            gint64         min_amount,
                                            GError       **error);

G_END_DECLS
