from rekap_desktop.app import main

raise SystemExit(main())
