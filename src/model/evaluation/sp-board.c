/* sp-board.c — ranking boards (战报) and good-news events (喜报)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-evaluation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-board.h"
#include "sp-calendar.h"
#include "sp-evaluation-private.h"
#include "sp-metrics.h"
#include "sp-preferences.h"
#include "sp-region.h"
#include "sp-store-private.h"

struct _SpBoardEntry
{
  GObject  parent_instance;
  guint    rank;
  gint64   id;
  char    *name;
  gint64   actual;
  gint64   target;
  SpRate   attainment;
  gboolean star;
};

G_DEFINE_FINAL_TYPE (SpBoardEntry, sp_board_entry, G_TYPE_OBJECT)

static void
sp_board_entry_finalize (GObject *object)
{
  g_free (SP_BOARD_ENTRY (object)->name);
  G_OBJECT_CLASS (sp_board_entry_parent_class)->finalize (object);
}

static void
sp_board_entry_class_init (SpBoardEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_board_entry_finalize;
}

static void
sp_board_entry_init (SpBoardEntry *self)
{
}

guint sp_board_entry_get_rank (SpBoardEntry *self) { return self->rank; }
gint64 sp_board_entry_get_id (SpBoardEntry *self) { return self->id; }
const char *sp_board_entry_get_name (SpBoardEntry *self) { return self->name; }
gint64 sp_board_entry_get_actual (SpBoardEntry *self) { return self->actual; }
gint64 sp_board_entry_get_target (SpBoardEntry *self) { return self->target; }
SpRate sp_board_entry_get_attainment (SpBoardEntry *self) { return self->attainment; }
gboolean sp_board_entry_get_star (SpBoardEntry *self) { return self->star; }

struct _SpGoodNews
{
  GObject        parent_instance;
  SpGoodNewsKind kind;
  char          *day;
  gint64         rep_id;
  char          *rep_name;
  gint64         amount;
  char          *title;
};

G_DEFINE_FINAL_TYPE (SpGoodNews, sp_good_news, G_TYPE_OBJECT)

static void
sp_good_news_finalize (GObject *object)
{
  SpGoodNews *self = SP_GOOD_NEWS (object);

  g_free (self->day);
  g_free (self->rep_name);
  g_free (self->title);
  G_OBJECT_CLASS (sp_good_news_parent_class)->finalize (object);
}

static void
sp_good_news_class_init (SpGoodNewsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_good_news_finalize;
}

static void
sp_good_news_init (SpGoodNews *self)
{
}

SpGoodNewsKind sp_good_news_get_kind (SpGoodNews *self) { return self->kind; }
const char *sp_good_news_get_day (SpGoodNews *self) { return self->day; }
gint64 sp_good_news_get_rep_id (SpGoodNews *self) { return self->rep_id; }
const char *sp_good_news_get_rep_name (SpGoodNews *self) { return self->rep_name; }
gint64 sp_good_news_get_amount (SpGoodNews *self) { return self->amount; }
const char *sp_good_news_get_title (SpGoodNews *self) { return self->title; }

static const char * const period_keys[] = { "week", "month", "quarter" };

const char *
sp_board_period_to_string (SpBoardPeriod period)
{
  g_return_val_if_fail (period <= SP_BOARD_QUARTER, NULL);
  return period_keys[period];
}

gboolean
sp_board_period_from_string (const char    *text,
                             SpBoardPeriod *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (period_keys); i++)
    if (g_str_equal (text, period_keys[i]))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_board_period_get_name (SpBoardPeriod period)
{
  switch (period)
    {
    case SP_BOARD_WEEK: return _("Week");
    case SP_BOARD_MONTH: return _("Month");
    case SP_BOARD_QUARTER: return _("Quarter");
    default: g_return_val_if_reached (NULL);
    }
}

void
sp_board_period_range (SpBoardPeriod  period,
                       const GDate   *day,
                       GDateWeekday   week_start,
                       GDateMonth     fiscal_start,
                       GDate         *from,
                       GDate         *to)
{
  *from = *day;
  switch (period)
    {
    case SP_BOARD_WEEK:
      g_date_subtract_days (from, (g_date_get_weekday (day) - week_start + 7) % 7);
      *to = *from;
      g_date_add_days (to, 6);
      return;
    case SP_BOARD_MONTH:
      g_date_set_day (from, 1);
      *to = *from;
      g_date_add_months (to, 1);
      g_date_subtract_days (to, 1);
      return;
    case SP_BOARD_QUARTER:
    default:
      {
        int offset = ((int) g_date_get_month (day) - (int) fiscal_start + 12) % 12;

        g_date_set_day (from, 1);
        g_date_subtract_months (from, offset % 3);
        *to = *from;
        g_date_add_months (to, 3);
        g_date_subtract_days (to, 1);
      }
    }
}

void
sp_board_period_range_for_store (SpStore       *store,
                                 SpBoardPeriod  period,
                                 const GDate   *day,
                                 GDate         *from,
                                 GDate         *to)
{
  g_autoptr(SpPreferences) prefs = sp_preferences_new (store);

  sp_board_period_range (period, day, sp_preferences_get_week_start (prefs),
                         sp_preferences_get_fiscal_start_month (prefs), from, to);
}

int
sp_evaluation_compare_attainment (SpRate      a,
                                  gint64      a_actual,
                                  const char *a_name,
                                  SpRate      b,
                                  gint64      b_actual,
                                  const char *b_name)
{
  if ((a.den == 0) != (b.den == 0))
    return a.den == 0 ? 1 : -1;
  if (a.den != 0)
    {
      __int128 left = (__int128) a.num * b.den;
      __int128 right = (__int128) b.num * a.den;

      if (left != right)
        return left > right ? -1 : 1;
    }
  if (a_actual != b_actual)
    return a_actual > b_actual ? -1 : 1;
  if (a_name == NULL || b_name == NULL)
    return 0;
  return g_utf8_collate (a_name, b_name);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SpBoardEntry *x = *(SpBoardEntry * const *) a;
  const SpBoardEntry *y = *(SpBoardEntry * const *) b;

  return sp_evaluation_compare_attainment (x->attainment, x->actual, x->name,
                                           y->attainment, y->actual, y->name);
}

static SpBoardEntry *
entry_new (gint64      id,
           const char *name,
           gint64      actual,
           gint64      target)
{
  SpBoardEntry *entry = g_object_new (SP_TYPE_BOARD_ENTRY, NULL);

  entry->id = id;
  entry->name = g_strdup (name);
  entry->actual = actual;
  entry->target = target;
  entry->attainment.num = target > 0 ? actual : 0;
  entry->attainment.den = target > 0 ? target : 0;
  return entry;
}

static GListModel *
rank_entries (GPtrArray *entries)
{
  GListStore *list = g_list_store_new (SP_TYPE_BOARD_ENTRY);

  g_ptr_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      SpBoardEntry *entry = g_ptr_array_index (entries, i);
      SpBoardEntry *before = i > 0 ? g_ptr_array_index (entries, i - 1) : NULL;

      if (before != NULL
          && sp_evaluation_compare_attainment (before->attainment, before->actual, NULL,
                                               entry->attainment, entry->actual, NULL) == 0)
        entry->rank = before->rank;
      else
        entry->rank = i + 1;
      entry->star = entry->rank == 1 && entry->actual > 0;
      g_list_store_append (list, entry);
    }
  return G_LIST_MODEL (list);
}

GListModel *
sp_board_get (SpStore        *store,
              SpBoardSubject  subject,
              const GDate    *from,
              const GDate    *to,
              GError        **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  SpMetricsFilter filter;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  sp_metrics_filter_init (&filter, from, to);
  if (subject == SP_BOARD_REPS)
    {
      g_autoptr(GPtrArray) ranking = sp_metrics_get_ranking (store, &filter,
                                                             SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                                             SP_METRICS_RANK_BY_ATTAINMENT,
                                                             error);
      if (ranking == NULL)
        return NULL;
      for (guint i = 0; i < ranking->len; i++)
        {
          const SpMetricsRankEntry *rank = g_ptr_array_index (ranking, i);

          g_ptr_array_add (entries, entry_new (rank->rep_id, rank->name, rank->actual,
                                               rank->target));
        }
    }
  else
    {
      g_autoptr(GListModel) regions = sp_region_list (store, error);

      if (regions == NULL)
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
        {
          g_autoptr(SpRegion) region = g_list_model_get_item (regions, i);
          SpMetricsAttainment att;

          filter.region_id = sp_region_get_id (region);
          if (!sp_metrics_get_attainment (store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                          &att, error))
            return NULL;
          g_ptr_array_add (entries, entry_new (filter.region_id, sp_region_get_name (region),
                                               att.actual, att.target));
        }
    }
  return rank_entries (entries);
}

static SpGoodNews *
news_new (SpGoodNewsKind  kind,
          const char     *day,
          gint64          rep_id,
          const char     *rep_name,
          gint64          amount,
          const char     *title)
{
  SpGoodNews *news = g_object_new (SP_TYPE_GOOD_NEWS, NULL);

  news->kind = kind;
  news->day = g_strdup (day);
  news->rep_id = rep_id;
  news->rep_name = g_strdup (rep_name != NULL ? rep_name : "");
  news->amount = amount;
  news->title = g_strdup (title != NULL ? title : "");
  return news;
}

static int
compare_news (gconstpointer a,
              gconstpointer b)
{
  const SpGoodNews *x = *(SpGoodNews * const *) a;
  const SpGoodNews *y = *(SpGoodNews * const *) b;
  int c = strcmp (x->day, y->day);

  if (c != 0)
    return c;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  c = g_utf8_collate (x->rep_name, y->rep_name);
  if (c != 0)
    return c;
  return x->amount < y->amount ? 1 : x->amount > y->amount ? -1 : 0;
}

static const char deals_sql[] =
  "SELECT o.closed_on, o.rep_id, coalesce(r.name, ''), o.amount, o.title"
  " FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id"
  " LEFT JOIN rep r ON r.id = o.rep_id"
  " WHERE s.outcome = 'won' AND o.closed_on BETWEEN ?1 AND ?2 AND o.amount > ?3";

static const char days_sql[] =
  "SELECT day, sum(revenue) FROM worklog_entry"
  " WHERE rep_id = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY day ORDER BY day";

GListModel *
sp_good_news_list (SpStore      *store,
                   const GDate  *from,
                   const GDate  *to,
                   gint64        min_amount,
                   GError      **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autoptr(GPtrArray) news = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *from_iso = sp_date_format_iso (from);
  g_autofree char *to_iso = sp_date_format_iso (to);
  g_autoptr(GPtrArray) ranking = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SpMetricsFilter filter;
  GListStore *list;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  stmt = sp_sql_prepare (db, deals_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, min_amount);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (news, news_new (SP_GOOD_NEWS_DEAL_WON,
                                     (const char *) sqlite3_column_text (stmt, 0),
                                     sqlite3_column_int64 (stmt, 1),
                                     (const char *) sqlite3_column_text (stmt, 2),
                                     sqlite3_column_int64 (stmt, 3),
                                     (const char *) sqlite3_column_text (stmt, 4)));
  if (rc != SQLITE_DONE)
    return sp_sql_set_error (db, error, _("Could not read the won deals")), NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  sp_metrics_filter_init (&filter, from, to);
  ranking = sp_metrics_get_ranking (store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                    SP_METRICS_RANK_BY_ACTUAL, error);
  if (ranking == NULL)
    return NULL;
  stmt = sp_sql_prepare (db, days_sql, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < ranking->len; i++)
    {
      const SpMetricsRankEntry *rank = g_ptr_array_index (ranking, i);
      gint64 running = 0;

      if (rank->target <= 0 || rank->actual < rank->target)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, rank->rep_id);
      sqlite3_bind_text (stmt, 2, from_iso, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, to_iso, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          running += sqlite3_column_int64 (stmt, 1);
          if (running >= rank->target)
            {
              g_ptr_array_add (news, news_new (SP_GOOD_NEWS_TARGET_REACHED,
                                               (const char *) sqlite3_column_text (stmt, 0),
                                               rank->rep_id, rank->name, rank->target, NULL));
              break;
            }
        }
      if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return sp_sql_set_error (db, error, _("Could not read the work log")), NULL;
    }

  g_ptr_array_sort (news, compare_news);
  list = g_list_store_new (SP_TYPE_GOOD_NEWS);
  for (guint i = 0; i < news->len; i++)
    g_list_store_append (list, g_ptr_array_index (news, i));
  return G_LIST_MODEL (list);
}
