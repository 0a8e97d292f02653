/* main.c — entry point of the Sales Planner application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-main"

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "sp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpApplication) app = NULL;
  const char *localedir = g_getenv ("SALES_PLANNER_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* build-aux/dev run points this at the build tree's po/, so the translations show without
   * installing (as the CLI does). */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sp_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
