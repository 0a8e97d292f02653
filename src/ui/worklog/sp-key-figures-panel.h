/* sp-key-figures-panel.h — the four key management figures (四项重点管理) of this week, month
 * or quarter per rep, per region and for the team, beside the period before, with the reps
 * whose activity runs below the required rate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-page.h"

G_BEGIN_DECLS

typedef enum
{
  SP_KEY_FIGURES_PERIOD_WEEK,     /* from the workspace's week start */
  SP_KEY_FIGURES_PERIOD_MONTH,    /* the month of the fiscal calendar */
  SP_KEY_FIGURES_PERIOD_QUARTER,  /* the fiscal quarter */
} SpKeyFiguresPeriod;

/* The columns of the table after the name. */
typedef enum
{
  SP_KEY_FIGURES_COLUMN_NEW_CUSTOMERS,    /* 客户开发量 */
  SP_KEY_FIGURES_COLUMN_CONVERSION,       /* 转化效率 */
  SP_KEY_FIGURES_COLUMN_ORDERS,           /* 单量 */
  SP_KEY_FIGURES_COLUMN_REPEAT_PURCHASES, /* 复购量 */
  SP_KEY_FIGURES_COLUMN_BELOW_RATE,       /* the activities below the required rate */
} SpKeyFiguresColumn;

#define SP_KEY_FIGURES_N_COLUMNS 5

#define SP_TYPE_KEY_FIGURES_PANEL (sp_key_figures_panel_get_type ())
G_DECLARE_FINAL_TYPE (SpKeyFiguresPanel, sp_key_figures_panel, SP, KEY_FIGURES_PANEL, SpPage)

GtkWidget          *sp_key_figures_panel_new             (void);
/* The day the periods are "this" week, month or quarter of (today at first); the activity
 * rates are checked up to it. */
void                sp_key_figures_panel_set_today       (SpKeyFiguresPanel  *self,
                                                          const GDate        *today);
SpKeyFiguresPeriod  sp_key_figures_panel_get_period      (SpKeyFiguresPanel  *self);
void                sp_key_figures_panel_set_period      (SpKeyFiguresPanel  *self,
                                                          SpKeyFiguresPeriod  period);
/* The period shown, both days included. */
void                sp_key_figures_panel_get_range       (SpKeyFiguresPanel  *self,
                                                          GDate              *from,
                                                          GDate              *to);
/* The flag column's text for a mask of SP_WORKLOG_STAGE_BIT(): the activities' short names
 * ("Prospects, Closes"), "All five activities", or "" for none. */
char               *sp_key_figures_panel_below_text      (guint               below);
/* The text of a cell, for tests: rep @rep_id's row, region @region_id's subtotal (rep_id 0),
 * or the team's row (both 0); NULL when there is no such row. */
const char         *sp_key_figures_panel_get_cell_text   (SpKeyFiguresPanel  *self,
                                                          gint64              rep_id,
                                                          gint64              region_id,
                                                          SpKeyFiguresColumn  column);

G_END_DECLS
