import ClaretCLI

CLI.main()
