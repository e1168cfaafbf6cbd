from tariefmodel.cli import main

raise SystemExit(main())
