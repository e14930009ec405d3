import ClaretCLI
CLI.main()
