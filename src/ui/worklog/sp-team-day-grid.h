/* sp-team-day-grid.h — the whole team's day as a grid of entries, reps by activities, for
 * the evening meeting: Tab and Enter along a row, Up and Down between reps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-workspace.h"
#include "sp-worklog.h"

G_BEGIN_DECLS

#define SP_TYPE_TEAM_DAY_GRID (sp_team_day_grid_get_type ())
G_DECLARE_FINAL_TYPE (SpTeamDayGrid, sp_team_day_grid, SP, TEAM_DAY_GRID, GtkWidget)

/* The grid's columns: the five activities, orders and revenue. */
#define SP_TEAM_DAY_GRID_N_COLUMNS 7

GtkWidget *sp_team_day_grid_new        (void);
/* Shows @day of @workspace (NULL: nothing); @today bounds the history the required rates
 * come from. */
void       sp_team_day_grid_set_day    (SpTeamDayGrid  *self,
                                        SpWorkspace    *workspace,
                                        const GDate    *day,
                                        const GDate    *today);
/* Re-reads the day (the Work Log page calls it when the workspace changed), keeping the
 * focus where it is. */
void       sp_team_day_grid_reload     (SpTeamDayGrid  *self);
/* The entry of row @row (a rep, in the grid's order) and column @column, for tests. */
GtkWidget *sp_team_day_grid_get_cell   (SpTeamDayGrid  *self,
                                        guint           row,
                                        guint           column);
guint      sp_team_day_grid_get_n_rows (SpTeamDayGrid  *self);
/* Moves the focus to the first cell. */
void       sp_team_day_grid_focus_first (SpTeamDayGrid *self);

G_END_DECLS
