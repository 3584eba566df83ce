"""The ``bulletin`` command: Django's command line with Bulletin's standalone settings.

Every subcommand is a management command, so a host project gets the same ones from
``manage.py``:

    serve     run the production server (reader edge + Django under granian)
    demo      set up a local demo story and serve it while a demo wire keeps posting
    publish   publish a post from a script;  revise, retract: change one
    migrate, createsuperuser, …  Django's own
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bulletin.project.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
