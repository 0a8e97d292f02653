/* sp-ui-test-utils.h — what the UI test programs share: locale and display set-up, a demo
 * workspace in a real window, waiting for frames and writing screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-model.h"

#include "sp-application.h"
#include "sp-window.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean       have_display;
  char          *dir;
  char          *shots;       /* where the PNGs go (SP_SCREENSHOT_DIR) */
  const char    *suffix;      /* "", "-zh_CN", "-hc" (SP_SCREENSHOT_SUFFIX) */
  SpStore       *store;
  SpApplication *app;
  SpWindow      *window;
  GDate          today;       /* the demo's day, 15 September 2026 */
} SpUiFixture;

void        sp_ui_test_init           (SpUiFixture *fixture,
                                       int         *argc,
                                       char      ***argv);
gboolean    sp_ui_test_skip_no_display
                                      (SpUiFixture *fixture);
int         sp_ui_test_run            (SpUiFixture *fixture,
                                       void       (*setup) (void));

void        sp_ui_fixture_open        (SpUiFixture *fixture,
                                       const char  *dir_template,
                                       gboolean     demo);
void        sp_ui_fixture_close       (SpUiFixture *fixture);
void        sp_ui_fixture_resize      (SpUiFixture *fixture,
                                       int          width,
                                       int          height);

void        sp_ui_spin                (guint        msec);
void        sp_ui_wait_for_size       (GtkWidget   *widget,
                                       int          width,
                                       int          height,
                                       gint64       usec);
void        sp_ui_check_size          (GtkWidget   *widget,
                                       int          width,
                                       int          height);
guint       sp_ui_wait_for_paint      (GtkWidget   *widget);
void        sp_ui_wait_for_frames     (GtkWidget   *widget,
                                       int          width,
                                       int          height);

GtkWindow  *sp_ui_find_toplevel       (GType        type);
GtkWidget  *sp_ui_find_widget         (GtkWidget   *widget,
                                       GType        type);

GdkTexture *sp_ui_render              (GtkWidget   *widget);
char       *sp_ui_save_png            (SpUiFixture *fixture,
                                       GdkTexture  *texture,
                                       const char  *file);
void        sp_ui_screenshot          (SpUiFixture *fixture,
                                       GtkWidget   *widget,
                                       const char  *name,
                                       int          shot_width,
                                       int          shot_height);
void        sp_ui_shoot               (SpUiFixture *fixture,
                                       GtkWidget   *widget,
                                       const char  *name,
                                       int          width,
                                       int          height);

G_END_DECLS
