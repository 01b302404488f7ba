from communique.cli import main

raise SystemExit(main())
